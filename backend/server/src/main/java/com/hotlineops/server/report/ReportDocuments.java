package com.hotlineops.server.report;

import com.hotlineops.contract.hotspot.HotspotCell;
import com.hotlineops.contract.hotspot.SpikeMethod;
import com.hotlineops.contract.report.Bulletin;
import com.hotlineops.contract.report.BulletinItem;
import com.hotlineops.contract.report.Count;
import com.hotlineops.contract.report.SpecialReport;
import com.hotlineops.contract.report.TicketLine;
import com.hotlineops.contract.report.UnitBulletin;
import com.hotlineops.contract.report.UnitRates;
import com.hotlineops.contract.report.WeeklyReport;
import com.hotlineops.contract.ticket.TicketStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The reports of DESIGN.md §2.8 laid out for files, with the same figures as their JSON, in Chinese. */
final class ReportDocuments {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, String> KINDS = Map.of("SIGN_FOR_OVERDUE", "签收超期", "FINISH_OVERDUE", "办理超期",
            "UNSATISFIED", "不满意");
    /** The statuses as the desk consoles name them in Chinese. */
    private static final Map<TicketStatus, String> STATUSES = Map.of(TicketStatus.RECEIVED, "已受理",
            TicketStatus.PENDING_DISPATCH, "待派遣", TicketStatus.DISPATCHED, "待签收", TicketStatus.RETURN_REQUESTED,
            "退单申请", TicketStatus.ACCEPTED, "办理中", TicketStatus.FEEDBACK_SUBMITTED, "待审核",
            TicketStatus.PENDING_REVISIT, "待回访", TicketStatus.CLOSED, "已办结", TicketStatus.TRANSFERRED_EMERGENCY,
            "已转应急", TicketStatus.MERGED, "已并单");

    private final ZoneId zone;
    private final UnaryOperator<String> categoryName;

    /** @param categoryName a category's name by its code (the tree's), the code itself when unknown */
    ReportDocuments(ZoneId zone, UnaryOperator<String> categoryName) {
        this.zone = zone;
        this.categoryName = categoryName;
    }

    ReportDocument weekly(WeeklyReport r) {
        List<String> lines = new ArrayList<>();
        lines.add("统计时段：" + time(r.from()) + " 至 " + time(r.to()) + "（不含）");
        lines.add("受理 " + r.received() + " 件，办结 " + r.closed() + " 件");
        lines.add("签收超期 " + r.signForOverdue() + " 件，办理超期 " + r.finishOverdue() + " 件，不满意 "
                + r.unsatisfied() + " 件");
        lines.add("热点异常判定：" + method(r.method()));
        if (r.issuedAt() != null) {
            lines.add("生成时间：" + time(r.issuedAt()));
        }
        return new ReportDocument("12345热线周报 " + r.week(), lines, List.of(
                counts("channels", "渠道分布", "渠道", r.byChannel()),
                counts("categories", "分类分布", "分类", r.byCategory()),
                counts("units", "属地分布", "承办单位", r.byUnit()),
                rates(r.units()),
                spikes(r.spikes())));
    }

    ReportDocument bulletin(Bulletin b) {
        List<String> lines = List.of(
                "统计时段：" + time(b.from()) + " 至 " + time(b.to()) + "（不含），截至 " + time(b.asOf()),
                "签收超期 " + b.signForOverdue() + " 件，办理超期 " + b.finishOverdue() + " 件，不满意 "
                        + b.unsatisfied() + " 件");
        List<List<Object>> units = new ArrayList<>();
        for (UnitBulletin u : b.units()) {
            units.add(List.of(u.unitName(), u.signForOverdue(), u.finishOverdue(), u.unsatisfied()));
        }
        List<List<Object>> items = new ArrayList<>();
        for (BulletinItem i : b.items()) {
            items.add(java.util.Arrays.asList(i.number(), i.title(), i.unitName(), KINDS.getOrDefault(i.kind(),
                    i.kind()), time(i.due()), time(i.at())));
        }
        return new ReportDocument("12345热线通报", lines, List.of(
                new ReportDocument.Table("units", "各单位超期与不满意", List.of("承办单位", "签收超期", "办理超期", "不满意"), units),
                new ReportDocument.Table("items", "明细", List.of("工单编号", "标题", "承办单位", "类型", "期限", "完成或回访时间"),
                        items)));
    }

    ReportDocument special(SpecialReport s) {
        List<String> lines = List.of(
                "专题：" + s.keyword(),
                "统计时段：" + time(s.from()) + " 至 " + time(s.to()) + "（不含）",
                "相关工单 " + s.matched() + " 件，已办结 " + s.closed() + " 件");
        List<List<Object>> tickets = new ArrayList<>();
        for (TicketLine t : s.tickets()) {
            tickets.add(java.util.Arrays.asList(t.number(), time(t.createdAt()), t.title(),
                    t.categoryCode() == null ? null : categoryName.apply(t.categoryCode()),
                    t.unitName(), STATUSES.get(t.status())));
        }
        return new ReportDocument("12345热线专报：" + s.keyword(), lines, List.of(
                counts("categories", "分类分布", "分类", s.byCategory()),
                counts("units", "属地分布", "承办单位", s.byUnit()),
                counts("days", "每日件数", "日期", s.byDay()),
                new ReportDocument.Table("tickets", "工单列表", List.of("工单编号", "受理时间", "标题", "分类", "承办单位", "状态"),
                        tickets)));
    }

    private static ReportDocument.Table counts(String key, String heading, String what, List<Count> counts) {
        List<List<Object>> rows = new ArrayList<>();
        for (Count c : counts) {
            rows.add(List.of(c.label(), c.count()));
        }
        return new ReportDocument.Table(key, heading, List.of(what, "件数"), rows);
    }

    private static ReportDocument.Table rates(List<UnitRates> units) {
        List<List<Object>> rows = new ArrayList<>();
        for (UnitRates u : units) {
            rows.add(List.of(u.unitName(), u.dispatched(), u.signedForOnTime(),
                    new ReportDocument.Rate(u.responseRate()), u.revisited(), u.resolved(),
                    new ReportDocument.Rate(u.resolutionRate()), u.revisitedReached(), u.satisfied(),
                    new ReportDocument.Rate(u.satisfactionRate())));
        }
        return new ReportDocument.Table("rates", "三率", List.of("承办单位", "派遣", "按时签收", "响应率", "回访", "解决", "解决率",
                "回访联系上", "满意", "满意率"), rows);
    }

    private ReportDocument.Table spikes(List<HotspotCell> spikes) {
        List<List<Object>> rows = new ArrayList<>();
        for (HotspotCell c : spikes) {
            rows.add(java.util.Arrays.asList(time(c.bucketStart()),
                    c.categoryCode() == null ? "—" : categoryName.apply(c.categoryCode()),
                    c.unitName() == null ? "—" : c.unitName(), c.count(), c.baseline().toString(),
                    "%.2g".formatted(c.pValue())));
        }
        return new ReportDocument.Table("spikes", "热点异常", List.of("时段", "分类", "属地", "件数", "前四周同时段", "p值"), rows);
    }

    /** The spike rule in Chinese, from its parameters (the API's description is English). */
    static String method(SpikeMethod m) {
        return "某类诉求在某属地某一小时的件数 n 不少于 " + m.minCount() + " 件，且按前 " + m.weeks()
                + " 周同一时段的平均件数（至少取 " + m.minBaselineMean() + "）作泊松分布，出现不少于 n 件的概率不超过 "
                + m.alpha() + " 时，判为热点异常";
    }

    private String time(Instant i) {
        return i == null ? "" : TIME.format(i.atZone(zone));
    }
}
