-- Partner systems that deliver requests on their own channels (DESIGN.md §2.1): 12315, 政协云, the city app, Open311
-- clients … Each may submit only on its channels. The webhook secret signs status callbacks, so it is kept as issued;
-- API keys are not: only the SHA-256 of each key is stored, next to the public key id that finds it.
create table partner (
    id              uuid primary key,
    name            text not null unique,
    channels        text[] not null,
    webhook_url     text,
    webhook_secret  text not null,
    enabled         boolean not null default true,
    created_at      timestamptz not null,
    created_by      text not null
);

create table partner_key (
    key_id      text primary key,
    partner_id  uuid not null references partner (id),
    key_hash    bytea not null,
    created_at  timestamptz not null,
    -- null: valid; otherwise the key works until then (a rotation leaves the old key a grace period).
    expires_at  timestamptz
);
create index partner_key_partner_idx on partner_key (partner_id);

-- Status callbacks to partners (decision 0016). A row is written by the trigger below in the transaction that changes
-- a partner's ticket, so no change can commit without its callback; deliverers claim due rows with
-- FOR UPDATE SKIP LOCKED and a lease, retry with exponential backoff, and give up (FAILED) after a bounded number of
-- attempts. event_id is what the partner deduplicates on.
create table webhook_delivery (
    id               bigserial primary key,
    event_id         uuid not null unique,
    partner_id       uuid not null references partner (id),
    ticket_id        uuid not null references ticket (id),
    ticket_version   bigint not null,
    external_id      text,
    ticket_number    text not null,
    status           text not null,
    occurred_at      timestamptz not null,
    state            text not null default 'PENDING' check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    leased_until     timestamptz,
    last_error       text,
    delivered_at     timestamptz,
    constraint webhook_delivery_change_uk unique (partner_id, ticket_id, ticket_version)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where state = 'PENDING';

-- A ticket belongs to the partner that created it: its first event's actor is 'partner:<name>'. Every later event that
-- changes the ticket's status queues one callback to that partner, if it has a webhook URL (the creation itself is
-- answered by the intake response).
create function partner_webhook_enqueue() returns trigger language plpgsql as $$
begin
    if new.from_status is null or new.from_status = new.to_status then
        return null;
    end if;
    insert into webhook_delivery (event_id, partner_id, ticket_id, ticket_version, external_id, ticket_number, status,
                                  occurred_at, next_attempt_at)
    select gen_random_uuid(), p.id, t.id, new.version, t.external_id, t.number, new.to_status, new.occurred_at,
           new.occurred_at
      from ticket t
      join ticket_event first on first.ticket_id = t.id and first.version = 1
      join partner p on first.actor = 'partner:' || p.name
     where t.id = new.ticket_id and p.webhook_url is not null
    on conflict do nothing;
    return null;
end $$;

create trigger partner_webhook_enqueue after insert on ticket_event
    for each row execute function partner_webhook_enqueue();

-- The category tree (诉求分类) that intake's categoryCode and Open311's service_code name: groups and, under them, the
-- services a request can be filed under. attributes holds the Open311 service definition (extra form fields).
create table category (
    code         text primary key,
    parent_code  text references category (code),
    name         text not null,
    name_en      text not null,
    description  text,
    keywords     text,
    attributes   jsonb not null default '[]',
    sort_order   integer not null
);

insert into category (code, parent_code, name, name_en, description, keywords, attributes, sort_order) values
    ('URBAN', null, '城市管理', 'City management', null, null, '[]', 10),
    ('URBAN-ROAD', 'URBAN', '道路破损', 'Damaged road or pavement',
        '道路、人行道坑洼、塌陷、井盖缺失等', '道路,坑洼,塌陷,井盖', '[]', 11),
    ('URBAN-LIGHT', 'URBAN', '路灯故障', 'Street light out',
        '路灯不亮、常亮或灯杆损坏', '路灯,照明', '[{"variable": true, "code": "POLE", "datatype": "string", "required": false, "datatype_description": "灯杆上的编号", "order": 1, "description": "灯杆编号（如有）"}]', 12),
    ('URBAN-WASTE', 'URBAN', '垃圾清运', 'Garbage not collected',
        '生活垃圾未及时清运、垃圾桶满溢', '垃圾,清运,环卫', '[]', 13),
    ('URBAN-BUILD', 'URBAN', '违章搭建', 'Illegal construction',
        '私搭乱建、占用公共空间', '违建,违章搭建', '[]', 14),
    ('ENV', null, '生态环境', 'Environment', null, null, '[]', 20),
    ('ENV-NOISE', 'ENV', '噪声扰民', 'Noise nuisance',
        '施工、商业、娱乐场所噪声扰民', '噪声,噪音,扰民,施工', '[{"variable": true, "code": "SOURCE", "datatype": "singlevaluelist", "required": true, "datatype_description": null, "order": 1, "description": "噪声来源", "values": [{"key": "CONSTRUCTION", "name": "建筑施工"}, {"key": "BUSINESS", "name": "商业经营"}, {"key": "ENTERTAINMENT", "name": "娱乐场所"}, {"key": "OTHER", "name": "其他"}]}]', 21),
    ('ENV-AIR', 'ENV', '大气污染', 'Air pollution',
        '餐饮油烟、露天焚烧、扬尘', '油烟,焚烧,扬尘', '[]', 22),
    ('ENV-WATER', 'ENV', '水污染', 'Water pollution',
        '河道、沟渠污染或排污', '污水,排污,河道', '[]', 23),
    ('UTIL', null, '水电气暖', 'Utilities', null, null, '[]', 30),
    ('UTIL-WATER', 'UTIL', '停水', 'Water outage',
        '小区或片区停水、水压低', '停水,水压', '[{"variable": true, "code": "SINCE", "datatype": "singlevaluelist", "required": false, "datatype_description": null, "order": 1, "description": "停水多久了", "values": [{"key": "TODAY", "name": "今天"}, {"key": "DAYS", "name": "一至三天"}, {"key": "LONGER", "name": "三天以上"}]}]', 31),
    ('UTIL-POWER', 'UTIL', '停电', 'Power outage',
        '小区或片区停电', '停电,供电', '[]', 32),
    ('UTIL-HEAT', 'UTIL', '供暖不热', 'Heating insufficient',
        '集中供暖温度不达标', '供暖,暖气', '[]', 33),
    ('MARKET', null, '市场监管', 'Market regulation', null, null, '[]', 40),
    ('MARKET-FOOD', 'MARKET', '食品安全', 'Food safety',
        '过期、变质食品，无证经营', '食品,过期,变质', '[]', 41),
    ('MARKET-PRICE', 'MARKET', '价格投诉', 'Price complaint',
        '乱收费、价格欺诈', '价格,收费', '[]', 42),
    ('LABOUR', null, '劳动保障', 'Labour and social security', null, null, '[]', 50),
    ('LABOUR-WAGE', 'LABOUR', '拖欠工资', 'Unpaid wages',
        '用人单位拖欠劳动报酬', '欠薪,工资', '[]', 51),
    ('LABOUR-INSURANCE', 'LABOUR', '社保缴纳', 'Social insurance contributions',
        '社会保险缴纳、转移、待遇', '社保,医保,保险缴纳', '[]', 52),
    ('TRAFFIC', null, '交通出行', 'Transport', null, null, '[]', 60),
    ('TRAFFIC-BUS', 'TRAFFIC', '公交服务', 'Bus service',
        '公交线路、班次、站点', '公交,班次,站点', '[]', 61),
    ('TRAFFIC-TAXI', 'TRAFFIC', '出租车服务', 'Taxi service',
        '拒载、绕路、不打表', '出租车,拒载', '[]', 62),
    ('EMERGENCY', null, '紧急求助', 'Emergencies', null, null, '[]', 90),
    -- Not a ticket (DESIGN.md §2.1): a report under this service is recorded as sent to the number given.
    ('EMERGENCY-TRANSFER', 'EMERGENCY', '紧急事项转警', 'Emergency transferred to 110/119/120/122',
        '已转 110（公安）、119（消防）、120（急救）或 122（交通事故）的紧急事项，不作为工单办理', '紧急,报警,火警,急救',
        '[{"variable": true, "code": "NUMBER", "datatype": "singlevaluelist", "required": true, "datatype_description": null, "order": 1, "description": "已转的紧急号码", "values": [{"key": "110", "name": "110 公安"}, {"key": "119", "name": "119 消防"}, {"key": "120", "name": "120 急救"}, {"key": "122", "name": "122 交通事故"}]}]', 91);

-- What an Open311 GeoReport v2 request carried beyond the ticket (location as coordinates, media) and the token that
-- resolves to its service_request_id. The submitter's name, phone and e-mail stay on the ticket / are not kept.
create table open311_request (
    ticket_id    uuid primary key references ticket (id),
    token        uuid not null unique,
    partner_id   uuid not null references partner (id),
    lat          double precision,
    long         double precision,
    address_id   text,
    media_url    text,
    attributes   jsonb not null default '{}'
);

-- Open311 search lists OPEN311 tickets by requested time.
create index ticket_channel_created_idx on ticket (channel, created_at);
