import json
# (query, lang, {article: grade}); grades: 3 answers it, 2 states the rule asked about, 1 related
FIRED_FAULT = {"ldhtf-39": 3, "ldhtf-43": 1, "ldhtf-48": 1}
NOFAULT = {"ldhtf-40": 3, "ldhtf-46": 2, "ldhtf-47": 1}
UNLAWFUL = {"ldhtf-48": 3, "ldhtf-87": 3, "ldhtf-47": 2}
COMP = {"ldhtf-47": 3, "ldhtf-46": 3, "ldhtss-27": 2}
SICK_PROTECT = {"ldhtf-42": 3, "ldhtf-45": 1, "ldhtf-40": 1}
PREG_PROTECT = {"nzg-5": 3, "ldhtf-42": 3, "ldhtf-45": 1}
NOCONTRACT = {"ldhtf-82": 3, "ldhtss-6": 3, "ldhtf-10": 2, "ldhtss-7": 2}
PROB_LEN = {"ldhtf-19": 3, "ldhtf-83": 1}
PROB_PAY = {"ldhtf-20": 3}
PROB_FIRE = {"ldhtf-21": 3, "ldhtf-39": 2}
RESIGN = {"ldhtf-37": 3}
RESIGN_CAUSE = {"ldhtf-38": 3, "ldhtf-46": 2}
HOURS = {"ldf-36": 3, "gzsj-3": 3, "ldf-41": 1}
OT_LIMIT = {"ldf-41": 3, "ldhtf-31": 2, "ldf-43": 2, "ldf-42": 1}
OT_PAY = {"ldf-44": 3, "gzzf-13": 3, "ldhtf-31": 1}
REST = {"ldf-38": 3, "gzsj-3": 1}
HOLIDAYS = {"fjbf-2": 3, "ldf-40": 2}
WOMENSDAY = {"fjbf-3": 3}
AL_DAYS = {"nxjtl-3": 3, "nxjbf-4": 2, "nxjtl-2": 2, "nxjbf-3": 2, "ldf-45": 1}
AL_UNUSED = {"nxjtl-5": 3, "nxjbf-10": 3, "nxjbf-11": 1}
AL_LEAVE = {"nxjbf-12": 3, "nxjtl-5": 1}
AL_NEW = {"nxjbf-5": 3, "nxjbf-3": 1}
AL_NOT = {"nxjtl-4": 3}
MINWAGE = {"ldf-48": 3, "ldf-49": 1}
PAYDAY = {"gzzf-7": 3, "ldf-50": 2, "ldhtf-30": 1}
ARREARS = {"ldf-50": 3, "ldhtf-30": 3, "ldhtf-85": 2, "ldhtf-38": 2, "jctl-26": 1}
DEDUCT = {"gzzf-15": 3, "gzzf-16": 3, "ldf-50": 1}
STOPPAGE = {"gzzf-12": 3}
MAT_LEAVE = {"nzg-7": 3, "ldf-62": 2, "rkjs-25": 2}
MAT_MONEY = {"nzg-8": 3, "sbf-56": 3, "sbf-54": 2, "sbf-53": 1}
PREGNANT_WORK = {"nzg-6": 3, "ldf-61": 2}
NURSING = {"nzg-9": 3, "ldf-63": 2}
HARASS = {"nzg-11": 3}
INJURY = {"gstl-14": 3, "gstl-15": 2, "sbf-36": 2}
COMMUTE = {"gstl-14": 3, "gstl-16": 1}
SUDDEN = {"gstl-15": 3}
DRUNK = {"gstl-16": 3}
INJ_APPLY = {"gstl-17": 3}
INJ_LEAVE = {"gstl-33": 3}
INJ_UNINSURED = {"gstl-62": 3, "sbf-41": 3}
INJ_DEATH = {"gstl-39": 3, "sbf-38": 1}
ENROL = {"sbf-58": 3, "sbf-60": 2}
SI_UNPAID = {"sbf-63": 3, "sbf-86": 3, "sbf-60": 2, "ldhtf-38": 2}
PENSION15 = {"sbf-16": 3}
PENSION_MOVE = {"sbf-19": 3, "ldhtf-49": 1, "sbf-32": 1}
MED_MOVE = {"sbf-32": 3}
SURVIVOR = {"sbf-17": 3}
UNEMP = {"sbf-45": 3, "sytl-14": 3, "sbf-50": 1}
UNEMP_LEN = {"sbf-46": 3, "sytl-17": 3}
UNEMP_AMT = {"sytl-18": 3}
UNEMP_MED = {"sbf-48": 3}
HF_RATE = {"gjjtl-18": 3}
HF_WITHDRAW = {"gjjtl-24": 3}
HF_LOAN = {"gjjtl-26": 3}
HF_UNPAID = {"gjjtl-38": 3, "gjjtl-20": 2, "gjjtl-37": 2}
HF_REG = {"gjjtl-15": 3, "gjjtl-37": 1}
TAX_BASE = {"gsf-6": 3, "gsf-fb": 1}
TAX_RATE = {"gsf-3": 3, "gsf-fb": 3}
TAX_SETTLE = {"gsfss-25": 3, "gsf-10": 2, "gsf-11": 2}
TAX_SPECIAL = {"gsfss-28": 3, "gsf-6": 2}
ARB_TIME = {"zcf-27": 3}
ARB_FREE = {"zcf-53": 3}
ARB_WHERE = {"zcf-21": 3}
ARB_STEPS = {"zcf-5": 3, "zcf-4": 2}
ARB_PROOF = {"zcf-6": 3}
COMPLAIN = {"jctl-9": 3, "jctl-11": 1}
PARTTIME = {"ldhtf-68": 3, "ldhtf-69": 2, "ldhtf-71": 2, "ldhtf-72": 2}
DISPATCH = {"ldhtf-63": 3, "ldhtf-66": 1}
NONCOMPETE = {"ldhtf-23": 3, "ldhtf-24": 3}
TRAINING = {"ldhtf-22": 3, "ldhtf-25": 1}
PENALTY = {"ldhtf-25": 3, "ldhtf-22": 2}
OPENENDED = {"ldhtf-14": 3}
EXPIRY = {"ldhtf-44": 3, "ldhtf-46": 3}
CERT = {"ldhtf-50": 3, "gzzf-9": 1}
CHILD = {"ldf-15": 3}
MIGRANT = {"nmg-36": 3, "nmg-30": 2, "nmg-10": 2, "nmg-16": 1}
LAYOFF = {"ldhtf-41": 3, "ldhtf-46": 1}
DAYS2175 = {"gzzs-1": 3, "gzzs-2": 3}
RELATIVE_PAY = {"gzzf-6": 3}

Q = [
 # --- zh, colloquial
 ("被开了 公司一分钱不给 合法吗", "zh", UNLAWFUL | {"ldhtf-46": 2}),
 ("老板说我违反规章制度直接把我辞了", "zh", FIRED_FAULT),
 ("上班玩手机被抓到 公司能直接开除我吗", "zh", FIRED_FAULT),
 ("公司说我干不好活要辞退我 要提前通知吗", "zh", NOFAULT),
 ("hr说我不胜任 直接让我走人", "zh", NOFAULT),
 ("没提前一个月说就让我明天别来了 有补偿没", "zh", NOFAULT | {"ldhtf-47": 2}),
 ("公司违法辞退赔多少", "zh", UNLAWFUL),
 ("被无故开除能要2N吗", "zh", UNLAWFUL),
 ("干了三年被裁 赔几个月工资", "zh", COMP | {"ldhtf-41": 1}),
 ("离职补偿金怎么算的 工作5年半", "zh", COMP),
 ("补偿金按哪个工资算 奖金算不算", "zh", {"ldhtss-27": 3, "ldhtf-47": 2}),
 ("工资很高的人经济补偿有封顶吗", "zh", {"ldhtf-47": 3}),
 ("我住院期间公司能把我开了吗", "zh", SICK_PROTECT),
 ("病假期间被辞退", "zh", SICK_PROTECT),
 ("怀孕了公司让我走人", "zh", PREG_PROTECT),
 ("老婆怀孕被降工资了 能行吗", "zh", PREG_PROTECT),
 ("入职半年了还没签合同", "zh", NOCONTRACT),
 ("公司一直不跟我签劳动合同 能要双倍工资吗", "zh", NOCONTRACT),
 ("干满一年都没签合同 算什么", "zh", {"ldhtss-7": 3, "ldhtf-14": 2, "ldhtf-82": 2}),
 ("试用期最长能多久", "zh", PROB_LEN),
 ("签一年合同 试用期给了6个月 合法吗", "zh", PROB_LEN),
 ("试用期工资打八折可以吗", "zh", PROB_PAY),
 ("试用期工资能低于最低工资吗", "zh", PROB_PAY | {"ldf-48": 1}),
 ("试用期公司随便就能辞退我吗", "zh", PROB_FIRE),
 ("试用期没过 被说不符合录用条件", "zh", PROB_FIRE),
 ("我想辞职 要提前多久说", "zh", RESIGN),
 ("试用期想走 要提前几天", "zh", RESIGN),
 ("公司拖欠工资我能马上走人吗 还有补偿吗", "zh", RESIGN_CAUSE),
 ("公司不给交社保 我辞职能要补偿吗", "zh", RESIGN_CAUSE | {"sbf-58": 1}),
 ("一天上班几个小时是合法的", "zh", HOURS),
 ("一周工作多少个钟头", "zh", HOURS),
 ("每天加班到晚上十点 一个月加班上限是多少", "zh", OT_LIMIT),
 ("公司逼着加班 不加就扣钱", "zh", OT_LIMIT),
 ("周末加班给几倍工资", "zh", OT_PAY),
 ("国庆上班给三倍吗", "zh", OT_PAY | {"fjbf-2": 1}),
 ("平时晚上加班费怎么算", "zh", OT_PAY),
 ("一周能连着上7天班吗 没有休息", "zh", REST),
 ("法定节假日有哪几天", "zh", HOLIDAYS),
 ("春节放几天假", "zh", HOLIDAYS),
 ("三八节女的放半天假吗", "zh", WOMENSDAY),
 ("年假有几天", "zh", AL_DAYS),
 ("工作满10年年假多少天", "zh", AL_DAYS),
 ("年假没休完 公司给钱吗", "zh", AL_UNUSED),
 ("公司不让休年假 怎么补偿", "zh", AL_UNUSED),
 ("离职了年假没休 能折现吗", "zh", AL_LEAVE),
 ("新入职的年假怎么算", "zh", AL_NEW),
 ("请了两个月病假 今年还有年假吗", "zh", AL_NOT),
 ("最低工资谁定的", "zh", MINWAGE),
 ("工资低于最低工资标准违法吗", "zh", MINWAGE),
 ("每个月几号必须发工资", "zh", PAYDAY),
 ("发薪日碰上周末 工资什么时候发", "zh", PAYDAY),
 ("老板拖欠工资三个月了 怎么办", "zh", ARREARS | {"jctl-9": 1, "zcf-2": 1}),
 ("工资被克扣了", "zh", DEDUCT),
 ("我弄坏了公司设备 能从工资里扣多少", "zh", DEDUCT),
 ("公司停产放假 工资还发吗", "zh", STOPPAGE),
 ("产假多少天", "zh", MAT_LEAVE),
 ("剖腹产 难产能多休几天", "zh", MAT_LEAVE),
 ("生二胎能多放假吗", "zh", MAT_LEAVE),
 ("流产了有假吗", "zh", {"nzg-7": 3}),
 ("生孩子休假期间谁给发钱", "zh", MAT_MONEY),
 ("生育津贴怎么算的", "zh", MAT_MONEY),
 ("老公的公司交了生育险 我没工作能报吗", "zh", {"sbf-54": 3, "sbf-53": 1}),
 ("怀孕7个月了还让我上夜班", "zh", PREGNANT_WORK),
 ("产检请假算不算旷工", "zh", PREGNANT_WORK),
 ("喂奶时间公司给吗", "zh", NURSING),
 ("孩子不到一岁 公司能安排我加班吗", "zh", NURSING),
 ("领导对我动手动脚 公司管不管", "zh", HARASS),
 ("上班时候受伤了算工伤吗", "zh", INJURY),
 ("上班路上出车祸算工伤吗", "zh", COMMUTE),
 ("下班回家骑电动车被撞了", "zh", COMMUTE),
 ("在单位突然心梗死了 算工伤吗", "zh", SUDDEN),
 ("喝了酒上班摔伤能认定工伤吗", "zh", DRUNK),
 ("工伤认定要多久内申请", "zh", INJ_APPLY),
 ("公司不给我报工伤怎么办", "zh", INJ_APPLY),
 ("工伤养伤期间工资照发吗", "zh", INJ_LEAVE),
 ("公司没交工伤保险 我受伤了谁赔", "zh", INJ_UNINSURED),
 ("工地上出事人没了 家属能拿多少", "zh", INJ_DEATH),
 ("工伤十级伤残有什么待遇", "zh", {"gstl-37": 3, "gstl-23": 1}),
 ("新入职多久公司必须给交社保", "zh", ENROL),
 ("公司一直不交五险 怎么办", "zh", SI_UNPAID),
 ("社保断缴了公司要罚款吗", "zh", SI_UNPAID),
 ("养老保险交满几年才能领退休金", "zh", PENSION15),
 ("换城市工作了 社保能转过去吗", "zh", PENSION_MOVE),
 ("医保换工作地方能接着算年限吗", "zh", MED_MOVE),
 ("我爸病逝了 他的养老保险家里能领什么", "zh", SURVIVOR),
 ("失业金怎么领", "zh", UNEMP),
 ("主动辞职能领失业金吗", "zh", UNEMP),
 ("失业保险能领几个月", "zh", UNEMP_LEN),
 ("失业金一个月多少钱", "zh", UNEMP_AMT),
 ("领失业金期间医保谁交", "zh", UNEMP_MED),
 ("公积金最少交百分之几", "zh", HF_RATE),
 ("公积金什么情况能取出来", "zh", HF_WITHDRAW),
 ("离职了公积金能提现吗 回老家了", "zh", HF_WITHDRAW),
 ("买房能用公积金贷款吗", "zh", HF_LOAN),
 ("公司不给交公积金 找谁", "zh", HF_UNPAID),
 ("入职以后公司多久要给开公积金户", "zh", HF_REG),
 ("工资多少才要交个税", "zh", TAX_BASE),
 ("个税起征点是5000吗", "zh", TAX_BASE),
 ("个税税率表", "zh", TAX_RATE),
 ("年底个税汇算 哪些人要办", "zh", TAX_SETTLE),
 ("房贷利息 孩子上学能抵个税吗", "zh", TAX_SPECIAL),
 ("劳动仲裁过了多久就不能告了", "zh", ARB_TIME),
 ("申请劳动仲裁要交钱吗", "zh", ARB_FREE),
 ("劳动仲裁去哪里申请", "zh", ARB_WHERE),
 ("跟公司闹纠纷 第一步该干嘛", "zh", ARB_STEPS),
 ("打官司证据在公司手里怎么办", "zh", ARB_PROOF),
 ("去哪投诉公司违法用工", "zh", COMPLAIN),
 ("兼职小时工 公司能随时不要我吗", "zh", PARTTIME),
 ("小时工需要签合同吗", "zh", PARTTIME),
 ("派遣工跟正式工同工同酬吗", "zh", DISPATCH),
 ("签了竞业协议 离职后多久不能去同行", "zh", NONCOMPETE),
 ("公司送我去培训 没干满服务期走要赔钱吗", "zh", TRAINING),
 ("合同写了提前离职赔违约金2万 有效吗", "zh", PENALTY),
 ("连续签了两次合同 第三次能要求无固定期限吗", "zh", OPENENDED),
 ("合同到期公司不续签 有补偿吗", "zh", EXPIRY),
 ("离职证明公司不给开", "zh", CERT),
 ("十五岁能出去打工吗", "zh", CHILD),
 ("包工头跑路了 工钱找谁要", "zh", MIGRANT),
 ("公司大裁员要走什么程序", "zh", LAYOFF),
 ("日工资怎么折算 是除以21.75吗", "zh", DAYS2175),
 ("我生病了工资能让我妈代领吗", "zh", RELATIVE_PAY),
 ("HR说我的contract到期不续了 有没有compensation", "zh", EXPIRY),
 ("加班费的OT rate是多少", "zh", OT_PAY),
 ("公司不交social insurance 能辞职吗", "zh", RESIGN_CAUSE),
 ("年假 没休 pay多少", "zh", AL_UNUSED),
 ("试用期 probation 最长几个月", "zh", PROB_LEN),
 ("公司把我fire了要赔吗", "zh", UNLAWFUL | {"ldhtf-46": 2}),
 ("产加多少天", "zh", MAT_LEAVE),
 ("工上认定要什么材料", "zh", {"gstl-18": 3, "gstl-17": 2}),
 ("失叶金能领多久", "zh", UNEMP_LEN),
 ("加斑费怎么算", "zh", OT_PAY),
 # --- en
 ("I got fired without any reason, what can I claim", "en", UNLAWFUL | {"ldhtf-46": 2}),
 ("how much severance pay after 3 years", "en", COMP),
 ("can my company fire me while I am pregnant", "en", PREG_PROTECT),
 ("can I be dismissed during sick leave in hospital", "en", SICK_PROTECT),
 ("no written labor contract double salary", "en", NOCONTRACT),
 ("how long can probation last", "en", PROB_LEN),
 ("probation salary 80 percent", "en", PROB_PAY),
 ("how many days notice to resign", "en", RESIGN),
 ("maximum working hours per day", "en", HOURS),
 ("overtime pay on weekends and public holidays", "en", OT_PAY),
 ("monthly overtime limit 36 hours", "en", OT_LIMIT),
 ("public holidays in China", "en", HOLIDAYS),
 ("how many days of annual leave do I get", "en", AL_DAYS),
 ("unused annual leave payout", "en", AL_UNUSED),
 ("minimum wage", "en", MINWAGE),
 ("salary paid late every month", "en", ARREARS | PAYDAY),
 ("maternity leave days", "en", MAT_LEAVE),
 ("maternity allowance who pays", "en", MAT_MONEY),
 ("breastfeeding break at work", "en", NURSING),
 ("hurt in a car accident on the way to work", "en", COMMUTE),
 ("deadline to apply for work injury recognition", "en", INJ_APPLY),
 ("employer did not pay social insurance", "en", SI_UNPAID),
 ("how many years of pension contributions to retire", "en", PENSION15),
 ("unemployment benefits how long", "en", UNEMP_LEN),
 ("withdraw housing provident fund", "en", HF_WITHDRAW),
 ("housing fund contribution rate", "en", HF_RATE),
 ("individual income tax threshold 5000", "en", TAX_BASE),
 ("time limit for labor arbitration", "en", ARB_TIME),
 ("non-compete agreement after leaving", "en", NONCOMPETE),
 ("part-time worker hourly pay", "en", PARTTIME),
 ("sexual harassment at the workplace", "en", HARASS),
 ("certificate of termination when I leave", "en", CERT),
]
with open('benchmarks/kb/law-queries.jsonl', 'w') as out:
    for i, (q, lang, rel) in enumerate(Q, 1):
        out.write(json.dumps({"id": f"l{i:03d}", "query": q, "lang": lang, "relevant": rel,
                              "heldout": i % 3 == 0}, ensure_ascii=False) + "\n")
import collections
print(len(Q), collections.Counter(l for _, l, _ in Q), sum(1 for i in range(1, len(Q)+1) if i % 3 == 0))
ids = {json.loads(l)['id'] for l in open('helpdesk-app/src/main/resources/kb/hr-law.jsonl')}
bad = {a for _, _, r in Q for a in r if a not in ids}
print("unknown ids", bad)
en_held = sum(1 for i, (q, l, r) in enumerate(Q, 1) if l == 'en' and i % 3 == 0); print("en held", en_held)
