-- Reference data every installation starts with (an admin edits it): three calendars in Asia/Shanghai and
-- the desk policies. Holidays and make-up working days (调休) of 2026 as published by the State Council
-- (国务院办公厅关于2026年部分节假日安排的通知); later years are loaded by import or entered by an admin.
insert into business_calendars (code, name, name_en, zone_id, always_open) values
    ('24X7', '全天候', 'Around the clock', 'Asia/Shanghai', true),
    ('OFFICE', '总部办公时间', 'Head-office hours', 'Asia/Shanghai', false),
    ('CHANNEL', '渠道服务台时间', 'Channel desk hours', 'Asia/Shanghai', false);

-- Office: Monday to Friday 09:00–12:00 and 13:30–18:00. Channel desk: Monday to Saturday 08:30–20:00.
insert into calendar_hours (calendar_id, day_of_week, opens, closes)
select c.id, d.dow, t.opens, t.closes from business_calendars c
  cross join (values (1), (2), (3), (4), (5)) d (dow)
  cross join (values (time '09:00:00', time '12:00:00'), (time '13:30:00', time '18:00:00')) t (opens, closes)
 where c.code = 'OFFICE';
insert into calendar_hours (calendar_id, day_of_week, opens, closes)
select c.id, d.dow, time '08:30:00', time '20:00:00' from business_calendars c
  cross join (values (1), (2), (3), (4), (5), (6)) d (dow)
 where c.code = 'CHANNEL';

insert into calendar_days (calendar_id, calendar_date, kind, name)
select c.id, d.on_date, d.kind, d.name from business_calendars c cross join (values
    (date '2026-01-01', 'HOLIDAY', '元旦'), (date '2026-01-02', 'HOLIDAY', '元旦'), (date '2026-01-03', 'HOLIDAY', '元旦'),
    (date '2026-01-04', 'WORKDAY', '元旦调休上班'),
    (date '2026-02-14', 'WORKDAY', '春节调休上班'),
    (date '2026-02-15', 'HOLIDAY', '春节'), (date '2026-02-16', 'HOLIDAY', '春节'), (date '2026-02-17', 'HOLIDAY', '春节'),
    (date '2026-02-18', 'HOLIDAY', '春节'), (date '2026-02-19', 'HOLIDAY', '春节'), (date '2026-02-20', 'HOLIDAY', '春节'),
    (date '2026-02-21', 'HOLIDAY', '春节'), (date '2026-02-22', 'HOLIDAY', '春节'), (date '2026-02-23', 'HOLIDAY', '春节'),
    (date '2026-02-28', 'WORKDAY', '春节调休上班'),
    (date '2026-04-04', 'HOLIDAY', '清明节'), (date '2026-04-05', 'HOLIDAY', '清明节'), (date '2026-04-06', 'HOLIDAY', '清明节'),
    (date '2026-05-01', 'HOLIDAY', '劳动节'), (date '2026-05-02', 'HOLIDAY', '劳动节'), (date '2026-05-03', 'HOLIDAY', '劳动节'),
    (date '2026-05-04', 'HOLIDAY', '劳动节'), (date '2026-05-05', 'HOLIDAY', '劳动节'),
    (date '2026-05-09', 'WORKDAY', '劳动节调休上班'),
    (date '2026-06-19', 'HOLIDAY', '端午节'), (date '2026-06-20', 'HOLIDAY', '端午节'), (date '2026-06-21', 'HOLIDAY', '端午节'),
    (date '2026-09-20', 'WORKDAY', '国庆节调休上班'),
    (date '2026-09-25', 'HOLIDAY', '中秋节'), (date '2026-09-26', 'HOLIDAY', '中秋节'), (date '2026-09-27', 'HOLIDAY', '中秋节'),
    (date '2026-10-01', 'HOLIDAY', '国庆节'), (date '2026-10-02', 'HOLIDAY', '国庆节'), (date '2026-10-03', 'HOLIDAY', '国庆节'),
    (date '2026-10-04', 'HOLIDAY', '国庆节'), (date '2026-10-05', 'HOLIDAY', '国庆节'), (date '2026-10-06', 'HOLIDAY', '国庆节'),
    (date '2026-10-07', 'HOLIDAY', '国庆节'),
    (date '2026-10-10', 'WORKDAY', '国庆节调休上班')
) d (on_date, kind, name)
 where c.code in ('OFFICE', 'CHANNEL');

-- Policies: the first active match by position wins (null = any); the last one matches everything.
insert into sla_policies (position, name, name_en, desk, ticket_type, priority, segment, calendar_id,
                          first_response_minutes, update_minutes, resolution_minutes, at_risk_percent)
select p.position, p.name, p.name_en, p.desk, p.ticket_type, p.priority, p.segment, c.id,
       p.first_response, p.update_every, p.resolution, 80
  from (values
    (10, 'VIP 经销商投诉', 'VIP distributor complaint', 'CHANNEL', 'COMPLAINT', null, 'VIP', '24X7', 30, 120, 480),
    (20, '经销商投诉', 'Distributor complaint', 'CHANNEL', 'COMPLAINT', null, null, 'CHANNEL', 120, 480, 2880),
    (30, 'VIP 与重点经销商', 'VIP and key distributors', 'CHANNEL', null, null, 'VIP', 'CHANNEL', 60, 240, 960),
    (40, '重点经销商', 'Key distributors', 'CHANNEL', null, null, 'KEY', 'CHANNEL', 60, 240, 960),
    (50, '紧急渠道工单', 'Urgent channel ticket', 'CHANNEL', null, 'URGENT', null, 'CHANNEL', 30, 120, 240),
    (60, '渠道服务台', 'Channel desk', 'CHANNEL', null, null, null, 'CHANNEL', 240, 720, 1440),
    (70, '专家升级', 'Expert escalation', 'EXPERT', null, null, null, 'OFFICE', 120, 240, 960),
    (80, '员工困难帮扶', 'Employee hardship', 'HR', 'HARDSHIP', null, null, 'OFFICE', 60, 240, 900),
    (90, 'HR 服务台', 'HR desk', 'HR', null, null, null, 'OFFICE', 480, 960, 2400),
    (1000, '默认', 'Default', null, null, null, null, 'OFFICE', 480, 960, 2400)
  ) p (position, name, name_en, desk, ticket_type, priority, segment, calendar, first_response, update_every, resolution)
  join business_calendars c on c.code = p.calendar;
