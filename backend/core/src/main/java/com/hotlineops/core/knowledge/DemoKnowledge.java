package com.hotlineops.core.knowledge;

import com.hotlineops.core.config.HotlineProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** A handful of policy articles for the demo organisation, added once when the knowledge base is empty. */
@Component
class DemoKnowledge {

    static final List<ArticleDraft> ARTICLES = List.of(
            new ArticleDraft("停水停电报修处置流程",
                    "小区停水、停电的，市民可拨打12345热线反映。供水、供电企业接单后2小时内到场处置，"
                            + "计划停水应提前24小时公告；突发停水超过12小时的应设置临时供水点。", "公用事业", "住房和城乡建设局",
                    null, null),
            new ArticleDraft("冬季供暖室温标准",
                    "供暖期间，住宅卧室、起居室室温不得低于18℃。室温不达标的，供热单位应在接报后24小时内上门检测，"
                            + "确属不达标的应当及时维修并按规定退费。", "公用事业", "住房和城乡建设局", null, null),
            new ArticleDraft("个体工商户营业执照办理",
                    "申请人可携带身份证原件到政务服务中心办理，或通过益办事App在线申请，材料齐全的当场或1个工作日内办结，"
                            + "不收取任何费用。", "市场主体", "市场监督管理局", null, null),
            new ArticleDraft("夜间施工噪音扰民",
                    "夜间22时至次日6时禁止产生环境噪声污染的建筑施工作业，因特殊需要必须连续施工的，应取得夜间施工证明并公告附近居民。",
                    "生态环境", "住房和城乡建设局", null, null),
            new ArticleDraft("企业开办一网通办",
                    "企业开办实行一网通办，营业执照登记、公章刻制、发票申领和社保登记可在1个工作日内一次办结；"
                            + "政企通热线按2号键可转企业服务专席。", "营商环境", "市场监督管理局", null, null));

    DemoKnowledge(KnowledgeBase knowledge, DatabaseClient db, HotlineProperties properties) {
        if (properties.demo().enabled()) {
            db.sql("select count(*) as n from kb_article").map(row -> row.get("n", Long.class)).one()
                    .filter(n -> n == 0)
                    .flatMapMany(empty -> Flux.fromIterable(ARTICLES).concatMap(knowledge::create))
                    .then()
                    .block(Duration.ofSeconds(30));
        }
    }
}
