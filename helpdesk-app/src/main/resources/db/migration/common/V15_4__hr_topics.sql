-- Issue 15 hr-topics: an HR ticket carries a topic (payroll question, payroll dispute, social insurance, housing fund,
-- leave, policy, hardship, feedback, other) that decides its queue (through its skill), its SLA policy, the call
-- scripts and reply templates offered, and — for hardship — that it is answered first. A requester may leave a
-- call-back promise in their own words ("please call me after 18:00 on 138…").
alter table tickets add column hr_topic varchar(24);
alter table tickets add column callback_promise varchar(500);

-- HR tickets from before topics existed: hardship and feedback keep their meaning, the rest is "other" (an agent
-- changes it on the ticket, with a timeline entry).
update tickets set hr_topic = case type when 'HARDSHIP' then 'HARDSHIP' when 'FEEDBACK' then 'FEEDBACK' else 'OTHER' end
 where desk = 'HR';

-- SLA: a policy may name a topic (null = any). The rows below sit before the HR desk's catch-all (90); an admin edits
-- them at /admin/sla-policies like any other.
alter table sla_policies add column topic varchar(24);

insert into sla_policies (position, name, name_en, desk, ticket_type, priority, segment, topic, calendar_id,
                          first_response_minutes, update_minutes, resolution_minutes, at_risk_percent)
select p.position, p.name, p.name_en, 'HR', null, null, null, p.topic, c.id,
       p.first_response, p.update_every, p.resolution, 80
  from (values
    (76, '困难求助（家属与驻外员工）', 'Hardship request (families and posted staff)', 'HARDSHIP', 30, 240, 900),
    (82, '工资争议', 'Payroll dispute', 'PAYROLL_DISPUTE', 120, 480, 1350),
    (83, '工资疑问', 'Payroll question', 'PAYROLL_QUESTION', 240, 960, 1800),
    (84, '社会保险', 'Social insurance', 'SOCIAL_INSURANCE', 480, 960, 2250),
    (85, '住房公积金', 'Housing fund', 'HOUSING_FUND', 480, 960, 2250),
    (86, '休假', 'Leave', 'LEAVE', 240, 960, 900),
    (87, '制度政策咨询', 'Policy question', 'POLICY', 480, 960, 2400),
    (88, '员工意见反馈', 'Employee feedback', 'FEEDBACK', 960, null, 4500)
  ) p (position, name, name_en, topic, first_response, update_every, resolution)
  join business_calendars c on c.code = 'OFFICE';

-- Scripts and replies: a template may name a topic; it is then offered only on tickets of that topic, before the
-- templates of the ticket's type. The HR templates shipped so far get the topic they were written for.
alter table kb_templates add column topic varchar(24);
alter table kb_template_versions add column topic varchar(24);

update kb_templates set topic = 'PAYROLL_QUESTION'
 where desk = 'HR' and updated_by is null and name in ('工资条疑问', 'Payslip question', '员工工资条疑问来电', 'Employee payslip question call');
update kb_templates set topic = 'LEAVE'
 where desk = 'HR' and updated_by is null and name in ('年休假天数', 'Annual leave entitlement');
update kb_templates set topic = 'HARDSHIP'
 where desk = 'HR' and updated_by is null and name in ('员工家属困难求助来电', 'Family hardship call', '困难帮扶受理', 'Hardship request received');

insert into kb_templates (kind, name, desk, language, call_type, topic, body, state, version, updated_at, created_at) values
('SCRIPT', '工资争议来电', 'HR', 'zh', null, 'PAYROLL_DISPUTE', '1. **问候并核实身份**：“您好，人力资源服务中心，我是{{agent}}。”请来电人报姓名和工号（{{employeeNo}}），完成身份核实后才谈薪资。
2. **听清争议**：哪个月、哪一项、员工认为应得多少、依据是什么（考勤、加班审批、劳动合同约定）。不当场评判对错。
3. **说明流程**：“薪酬组会调取考勤和薪资明细复核，在 {{due}} 前给您书面答复。”复核期间不承诺补发金额。
4. **保密**：争议涉及个人薪资，工单 {{ticket}} 只由薪酬组处理；必要时请 HR 主管设为保密案件。
5. **结束**：复述争议要点和答复时限，确认回电号码。', 'ACTIVE', 1, current_timestamp, current_timestamp),
('SCRIPT', 'Payroll dispute call', 'HR', 'en', null, 'PAYROLL_DISPUTE', '1. **Greet and verify**: "HR Service Center, this is {{agent}}." Ask for the name and employee number ({{employeeNo}}); talk about pay only once the caller is verified.
2. **Get the dispute straight**: which month, which item, what the employee thinks is owed and why (attendance, approved overtime, the contract). Do not judge on the call.
3. **Explain what happens**: "Payroll will check the attendance and pay records and answer you in writing by {{due}}." Promise no back pay while it is checked.
4. **Keep it private**: a dispute is about personal pay; ticket {{ticket}} is worked by payroll only; ask an HR lead to make it a confidential case where needed.
5. **Close**: repeat the points and the deadline, confirm the call-back number.', 'ACTIVE', 1, current_timestamp, current_timestamp),
('REPLY', '工资争议受理', 'HR', 'zh', null, 'PAYROLL_DISPUTE', '{{requester}}您好：

您对工资的异议（工单 {{ticket}}）已受理。薪酬组将调取工号 {{employeeNo}} 的考勤记录、加班审批和薪资明细逐项复核，并在 {{due}} 前书面答复您。如确有少发，将随下一个工资发放日补发。

复核期间如有补充材料（如加班审批截图），请直接回复本工单。

人力资源服务中心 {{agent}}', 'ACTIVE', 1, current_timestamp, current_timestamp),
('REPLY', 'Payroll dispute received', 'HR', 'en', null, 'PAYROLL_DISPUTE', 'Dear {{requester}},

We have taken up your objection to your pay (ticket {{ticket}}). Payroll will check the attendance records, approved overtime and pay details of employee no. {{employeeNo}} item by item and answer you in writing by {{due}}. Anything underpaid is paid with the next payroll.

If you have more to add (for example an overtime approval), simply reply to this ticket.

{{agent}}, HR Service Center', 'ACTIVE', 1, current_timestamp, current_timestamp),
('REPLY', '社保缴费说明', 'HR', 'zh', null, 'SOCIAL_INSURANCE', '{{requester}}您好：

关于您的社会保险（工单 {{ticket}}）：养老、医疗、失业保险按缴费基数乘以个人费率从工资中代扣，缴费基数每年 7 月按上一年度月平均工资调整，并受当地上下限约束。您的缴费基数和费率可在员工自助平台“我的福利”中查看。

如需开具参保证明或核对某月缴费，请回复本工单，我们在 {{due}} 前处理。

人力资源服务中心 {{agent}}', 'ACTIVE', 1, current_timestamp, current_timestamp),
('REPLY', 'Social insurance contributions', 'HR', 'en', null, 'SOCIAL_INSURANCE', 'Dear {{requester}},

About your social insurance (ticket {{ticket}}): pension, medical and unemployment contributions are the contribution base times the personal rate, deducted from pay. The base is reset every July from the previous year''s average monthly pay, within the local floor and cap. You can see your base and rates under "My benefits" in the self-service portal.

If you need a certificate of insurance or a month checked, reply to this ticket and we will handle it by {{due}}.

{{agent}}, HR Service Center', 'ACTIVE', 1, current_timestamp, current_timestamp),
('SCRIPT', '社保公积金咨询来电', 'HR', 'zh', null, 'SOCIAL_INSURANCE', '1. **问候并核实身份**：报姓名和工号（{{employeeNo}}），核实后再谈个人缴费。
2. **明确问题**：缴费基数、费率、某月扣款、参保证明、异地就医备案还是转移接续。
3. **按口径答复**：缴费基数每年 7 月调整；个人费率养老 8%、医疗 2%、失业 0.5%（以当地为准）；员工可在“我的福利”查看。
4. **需要办理时**：说明所需材料和办理时限，“我们会在 {{due}} 前答复您”，记录到工单 {{ticket}}。', 'ACTIVE', 1, current_timestamp, current_timestamp),
('SCRIPT', 'Social insurance call', 'HR', 'en', null, 'SOCIAL_INSURANCE', '1. **Greet and verify**: name and employee number ({{employeeNo}}); personal contributions only once verified.
2. **Pin down the question**: base, rates, a month''s deduction, a certificate, medical care in another city, or a transfer.
3. **Give the agreed answer**: the base changes every July; personal rates pension 8 %, medical 2 %, unemployment 0.5 % (local rules apply); employees see theirs under "My benefits".
4. **If something must be done**: say what papers are needed and by when — "you will hear from us by {{due}}" — and note it on ticket {{ticket}}.', 'ACTIVE', 1, current_timestamp, current_timestamp),
('REPLY', '公积金缴存与提取', 'HR', 'zh', null, 'HOUSING_FUND', '{{requester}}您好：

关于住房公积金（工单 {{ticket}}）：公司与个人按相同比例缴存，缴存基数每年 7 月调整。租房、购房、还贷等提取由本人向当地公积金中心申请，公司可出具缴存证明。

您的缴存基数和比例可在“我的福利”中查看；需要证明的，请回复本工单，我们在 {{due}} 前办好。

人力资源服务中心 {{agent}}', 'ACTIVE', 1, current_timestamp, current_timestamp),
('REPLY', 'Housing fund contributions and withdrawals', 'HR', 'en', null, 'HOUSING_FUND', 'Dear {{requester}},

About the housing fund (ticket {{ticket}}): the company and the employee pay in at the same rate; the base is reset every July. Withdrawals for rent, a purchase or a mortgage are applied for by the employee at the local housing fund centre; we issue a certificate of contributions.

You can see your base and rate under "My benefits"; if you need a certificate, reply to this ticket and we will have it ready by {{due}}.

{{agent}}, HR Service Center', 'ACTIVE', 1, current_timestamp, current_timestamp),
('SCRIPT', '休假咨询来电', 'HR', 'zh', null, 'LEAVE', '1. **问候并核实身份**：报姓名和工号（{{employeeNo}}）。
2. **明确假别**：年休假、探亲假、病假、婚假、产假、育儿假。
3. **按口径答复**：年休假按累计工龄 5/10/15 天；驻外员工探亲假按公司制度；余额在“我的假期”中查看。
4. **需要核对时**：“我核对后在 {{due}} 前答复您”，记录到工单 {{ticket}}。', 'ACTIVE', 1, current_timestamp, current_timestamp),
('SCRIPT', 'Leave call', 'HR', 'en', null, 'LEAVE', '1. **Greet and verify**: name and employee number ({{employeeNo}}).
2. **Which leave**: annual, home leave, sick, marriage, maternity, parental.
3. **Give the agreed answer**: annual leave is 5/10/15 days by total service; home leave for posted staff follows the company rules; the balance is under "My leave".
4. **If it needs checking**: "I will check and answer you by {{due}}"; note it on ticket {{ticket}}.', 'ACTIVE', 1, current_timestamp, current_timestamp),
('REPLY', '制度政策答复', 'HR', 'zh', null, 'POLICY', '{{requester}}您好：

您咨询的制度（工单 {{ticket}}）以公司现行《员工手册》及相关制度为准，要点如下：【请填写制度名称、条款和要点】。

如需原文或有具体情况需要认定，请回复本工单，我们在 {{due}} 前答复。

人力资源服务中心 {{agent}}', 'ACTIVE', 1, current_timestamp, current_timestamp),
('REPLY', 'Policy answer', 'HR', 'en', null, 'POLICY', 'Dear {{requester}},

The rule you asked about (ticket {{ticket}}) is set by the current Employee Handbook and the related policies; in short: [fill in the policy, clause and main points].

If you need the full text, or your case needs a decision, reply to this ticket and we will answer by {{due}}.

{{agent}}, HR Service Center', 'ACTIVE', 1, current_timestamp, current_timestamp),
('REPLY', '意见反馈已收到', 'HR', 'zh', null, 'FEEDBACK', '{{requester}}您好：

感谢您的意见（工单 {{ticket}}）。我们已转相关部门核实，处理结果会在 {{due}} 前回复您。您反映的内容仅用于改进工作。

人力资源服务中心 {{agent}}', 'ACTIVE', 1, current_timestamp, current_timestamp),
('REPLY', 'Feedback received', 'HR', 'en', null, 'FEEDBACK', 'Dear {{requester}},

Thank you for your feedback (ticket {{ticket}}). We have passed it to the department concerned and will tell you the outcome by {{due}}. What you told us is used only to improve how we work.

{{agent}}, HR Service Center', 'ACTIVE', 1, current_timestamp, current_timestamp);

update kb_template_versions set topic = (select t.topic from kb_templates t where t.id = kb_template_versions.template_id)
 where template_id in (select id from kb_templates where topic is not null);

insert into kb_template_versions (template_id, version, kind, name, desk, language, call_type, topic, body, state, changed_by, changed_at)
select id, version, kind, name, desk, language, call_type, topic, body, state, updated_by, updated_at from kb_templates t
 where not exists (select 1 from kb_template_versions v where v.template_id = t.id);
