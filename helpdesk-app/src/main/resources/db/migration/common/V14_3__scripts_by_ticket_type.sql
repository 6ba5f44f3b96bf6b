-- Call scripts and replies are offered by desk and ticket type (a script of another type is never offered): the
-- types that had none get their own — a family's hardship call, and the distributors' order-status call.
insert into kb_templates (kind, name, desk, language, call_type, body, state, version, updated_at, created_at) values
('SCRIPT', '员工家属困难求助来电', 'HR', 'zh', 'HARDSHIP', '1. **问候**：“您好，人力资源服务中心，我是{{agent}}。请问您是哪位员工的家属？怎么称呼您？”
2. **核实关系**：请来电人说出员工姓名和工号（{{employeeNo}}），以及与员工的关系；核对员工预留的家属信息。**不向家属透露员工的工资、考核等个人信息。**
3. **倾听困难**：耐心听完，不打断；记下困难的类型（疾病、子女入学、住房、意外等）、发生时间、目前最急需的帮助。
4. **表达关心**：“您的家人在外地工作，家里的事情我们一定重视。”不作无法确定的承诺。
5. **说明流程**：困难帮扶由员工关系组核实后提出帮扶方案，需要时会联系所在分公司；“我们会在 {{due}} 前给您回电，告诉您下一步。”
6. **确认联系方式**：核对回电号码和方便接听的时间，记录到工单 {{ticket}}，标记为保密。
7. **结束**：“感谢您告诉我们，有任何变化请随时来电。”', 'ACTIVE', 1, current_timestamp, current_timestamp),
('SCRIPT', 'Family hardship call', 'HR', 'en', 'HARDSHIP', '1. **Greet**: "HR Service Center, this is {{agent}}. Which employee are you calling about, and how may I address you?"
2. **Confirm the relationship**: ask for the employee''s name and number ({{employeeNo}}) and how the caller is related; check the family details the employee registered. **Give family members no pay, appraisal or other personal details of the employee.**
3. **Listen**: let the caller finish; note the kind of hardship (illness, school, housing, an accident …), since when, and what help is most urgent.
4. **Show you care**: "Your family member works far from home; we take what happens at home seriously." Make no promise you cannot keep.
5. **Explain what happens next**: the employee relations team checks the case and proposes help, involving the branch office where needed; "We will call you back by {{due}} with the next step."
6. **Confirm the call-back**: check the number and a good time to call, note them on ticket {{ticket}} and mark it confidential.
7. **Close**: "Thank you for telling us. Call us any time if anything changes."', 'ACTIVE', 1, current_timestamp, current_timestamp),
('REPLY', '困难帮扶受理', 'HR', 'zh', 'HARDSHIP', '{{requester}}您好：

您反映的困难（工单 {{ticket}}）我们已经收到。员工关系组正在核实情况并商定帮扶方案，必要时会与员工所在分公司联系。

我们会在 {{due}} 前与您联系，告诉您下一步安排。如情况有变化，直接回复本工单即可。

人力资源服务中心 {{agent}}', 'ACTIVE', 1, current_timestamp, current_timestamp),
('REPLY', 'Hardship request received', 'HR', 'en', 'HARDSHIP', 'Dear {{requester}},

We have received the hardship you told us about (ticket {{ticket}}). The employee relations team is looking into it and will agree on the help we can give, with the employee''s branch office where needed.

We will contact you by {{due}} with the next step. If anything changes, simply reply to this ticket.

{{agent}}, HR Service Center', 'ACTIVE', 1, current_timestamp, current_timestamp),
('SCRIPT', '订单状态查询来电', 'CHANNEL', 'zh', 'INQUIRY', '1. **问候并核实身份**：“您好，渠道服务中心，我是{{agent}}。请问是哪家经销商？请提供经销商编码。”
2. **确认订单**：请对方报订单号（{{orderNo}}），在经销商视图中打开订单，核对下单日期和金额。
3. **当场答复**：按订单明细说明已发货和未发货的数量；已发货的告知发货单号（{{shipmentNo}}）、承运商和预计到达时间。数据注明“截至”时间的，如实告知。
4. **无法当场答复时**：“我转物流部核实，在 {{due}} 前给您答复。”在工单中写清需要核实的内容。
5. **结束**：“还有其他可以帮您的吗？”在工单 {{ticket}} 中记录答复内容。', 'ACTIVE', 1, current_timestamp, current_timestamp),
('SCRIPT', 'Order status call', 'CHANNEL', 'en', 'INQUIRY', '1. **Greet and identify**: "Channel Service Center, this is {{agent}}. Which distributor are you calling for? May I have your distributor code?"
2. **Find the order**: ask for the order number ({{orderNo}}), open it in the distributor view and check the order date and amount.
3. **Answer on the spot**: say what has shipped and what has not, line by line; for what has shipped give the shipment number ({{shipmentNo}}), the carrier and the expected arrival. Where the figures say "as of", say so.
4. **If it cannot be answered now**: "I am asking Logistics to check and will come back to you by {{due}}." Note on the ticket what needs checking.
5. **Close**: "Is there anything else I can help with?" Note the answer on ticket {{ticket}}.', 'ACTIVE', 1, current_timestamp, current_timestamp);

insert into kb_template_versions (template_id, version, kind, name, desk, language, call_type, body, state, changed_by, changed_at)
select id, version, kind, name, desk, language, call_type, body, state, updated_by, updated_at from kb_templates t
 where not exists (select 1 from kb_template_versions v where v.template_id = t.id);
