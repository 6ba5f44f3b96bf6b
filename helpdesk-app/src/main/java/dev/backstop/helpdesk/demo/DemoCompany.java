package dev.backstop.helpdesk.demo;

import dev.backstop.helpdesk.shared.PhoneNumbers;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo company: regions, branches, departments, employees with families, distributors with contacts. */
class DemoCompany {

    private static final String[][] REGIONS = {
        {"EAST", "华东大区", "East China"}, {"NORTH", "华北大区", "North China"}, {"SOUTH", "华南大区", "South China"}
    };
    private static final String[][] BRANCHES = {
        {"SH", "上海分公司", "上海", "EAST"},
        {"HZ", "杭州分公司", "杭州", "EAST"},
        {"NJ", "南京分公司", "南京", "EAST"},
        {"BJ", "北京分公司", "北京", "NORTH"},
        {"TJ", "天津分公司", "天津", "NORTH"},
        {"GZ", "广州分公司", "广州", "SOUTH"},
        {"SZ", "深圳分公司", "深圳", "SOUTH"}
    };
    private static final String[][] DEPARTMENTS = {
        {"LOG", "物流部", "Logistics", "LOGISTICS"},
        {"FIN", "财务部", "Finance", "FINANCE"},
        {"SAL", "销售部", "Sales", "SALES"},
        {"HRD", "人力资源部", "Human Resources", "HR"},
        {"CSC", "客服中心", "Customer Service Center", "CUSTOMER_SERVICE"}
    };
    private static final String[] EMPLOYEE_NAMES = {
        "张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷", "徐明", "孙丽", "马超", "朱琳", "胡斌", "郭晓", "何勇", "高燕",
        "林峰", "罗佳"
    };
    private static final String[] TITLES = {
        "销售经理", "客户经理", "物流专员", "财务专员", "区域经理", "驻外业务代表", "技术支持工程师", "门店店长", "人事专员", "仓储主管"
    };
    private static final String[] CITIES = {"成都", "重庆", "西安", "武汉", "长沙", "郑州", "合肥", "昆明"};
    private static final String[] FAMILY_NAMES = {"李秀英", "王建国", "张小雨", "刘桂兰", "陈志强", "杨小宝"};
    private static final String[] TRADE = {
        "恒通商贸", "华联贸易", "金桥实业", "鑫源商贸", "宏达经贸", "瑞丰供应链", "新世纪商贸", "东方百货", "德胜贸易", "万家兴实业"
    };
    private static final String[] CONTACT_NAMES = {
        "陈建华", "林海燕", "郑国强", "许文静", "韩立军", "曹美玲", "冯志刚", "邓丽君", "彭晓东", "蒋红梅", "沈家豪", "谢雅婷", "宋振宇", "唐慧敏", "袁世杰"
    };

    private final JdbcTemplate jdbc;
    private final Map<String, Long> regions = new HashMap<>();
    private final Map<String, Long> branches = new HashMap<>();
    private final Map<String, Long> departments = new HashMap<>();
    private final Map<String, Long> employees = new HashMap<>();
    private final Map<String, Long> distributors = new HashMap<>();
    private final Map<String, String> primaryContacts = new HashMap<>();
    private int families;

    DemoCompany(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void load() {
        for (String[] r : REGIONS) {
            regions.put(
                    r[0],
                    insert("insert into regions (code, name, name_en) values (?, ?, ?)", "regions", r[0], r[1], r[2]));
        }
        for (String[] b : BRANCHES) {
            branches.put(
                    b[0],
                    insert(
                            "insert into branches (code, name, city, region_id) values (?, ?, ?, ?)",
                            "branches",
                            b[0],
                            b[1],
                            b[2],
                            regions.get(b[3])));
        }
        for (String[] d : DEPARTMENTS) {
            departments.put(
                    d[0],
                    insert(
                            "insert into departments (code, name, name_en, kind) values (?, ?, ?, ?)",
                            "departments",
                            d[0],
                            d[1],
                            d[2],
                            d[3]));
        }
        for (String[] b : BRANCHES) {
            departments.put(
                    "HR-" + b[0],
                    insert(
                            "insert into departments (code, name, name_en, kind, branch_id) values (?, ?, ?, ?, ?)",
                            "departments",
                            "HR-" + b[0],
                            b[1] + "人事行政部",
                            b[0] + " branch HR",
                            "BRANCH_HR",
                            branches.get(b[0])));
        }
        loadEmployees();
        loadDistributors();
    }

    private void loadEmployees() {
        for (int i = 0; i < EMPLOYEE_NAMES.length; i++) {
            String no = "E%04d".formatted(i + 1);
            String[] branch = BRANCHES[i % BRANCHES.length];
            boolean postedAway = i % 3 == 0;
            String homeCity = postedAway ? CITIES[i % CITIES.length] : branch[2];
            long id = insert(
                    """
                    insert into employees (employee_no, name, branch_id, department_id, title, phone, email, hire_date,
                                           posted_away, home_city, work_city) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    "employees",
                    no,
                    EMPLOYEE_NAMES[i],
                    branches.get(branch[0]),
                    departments.get(DEPARTMENTS[i % DEPARTMENTS.length][0]),
                    TITLES[i % TITLES.length],
                    "139%08d".formatted(10_000_000 + i * 7919),
                    "e%04d@backstop-demo.cn".formatted(i + 1),
                    Date.valueOf(LocalDate.of(2012 + i % 12, 1 + i % 12, 1 + i % 27)),
                    postedAway,
                    homeCity,
                    branch[2]);
            employees.put(no, id);
            if (postedAway || i % 4 == 1) {
                String[] relations = {"SPOUSE", "PARENT", "CHILD"};
                for (int f = 0; f < 1 + i % 2; f++) {
                    insert(
                            "insert into family_members (employee_id, name, relation, phone) values (?, ?, ?, ?)",
                            "family_members",
                            id,
                            FAMILY_NAMES[(i + f) % FAMILY_NAMES.length],
                            relations[(i + f) % 3],
                            "137%08d".formatted(20_000_000 + i * 131 + f));
                    families++;
                }
            }
        }
    }

    private void loadDistributors() {
        List<String> regionCodes = List.of("EAST", "NORTH", "SOUTH");
        String[] cityByRegion = {"上海", "北京", "广州"};
        for (int i = 0; i < 30; i++) {
            String code = "D%04d".formatted(i + 1);
            int region = i % 3;
            String tier = i < 4 ? "VIP" : i < 11 ? "KEY" : i % 9 == 0 ? "SPECIAL" : "GENERAL";
            String name = cityByRegion[region] + TRADE[i % TRADE.length]
                    + (i >= TRADE.length ? (i / TRADE.length + 1) + "号" : "") + "有限公司";
            long manager = employees.get("E%04d".formatted(1 + (i % 5) * 4));
            long id = insert(
                    """
                    insert into distributors (code, name, region_id, tier, account_manager_id, credit_limit, status)
                    values (?, ?, ?, ?, ?, ?, 'ACTIVE')""",
                    "distributors",
                    code,
                    name,
                    regions.get(regionCodes.get(region)),
                    tier,
                    manager,
                    BigDecimal.valueOf(tier.equals("VIP") ? 5_000_000 : tier.equals("KEY") ? 2_000_000 : 500_000));
            distributors.put(code, id);
            int contacts = 1 + i % 3;
            for (int c = 0; c < contacts; c++) {
                String contact = CONTACT_NAMES[(i * 2 + c) % CONTACT_NAMES.length];
                String phone = switch (c) {
                    case 0 -> "+86 138 %04d %04d".formatted(1000 + i, 8000 + i);
                    case 1 -> "0%d-%04d %04d".formatted(region == 0 ? 21 : region == 1 ? 10 : 20, 6000 + i, 6600 + i);
                    default -> "1390%07d".formatted(1_000_000 + i);
                };
                jdbc.update(
                        """
                        insert into distributor_contacts (distributor_id, name, title, phone, phone_digits, email, primary_contact)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                        id,
                        contact,
                        c == 0 ? "采购经理" : c == 1 ? "财务主管" : "仓库主管",
                        phone,
                        PhoneNumbers.digits(phone),
                        "contact%d.%s@example.cn".formatted(c + 1, code.toLowerCase()),
                        c == 0);
                if (c == 0) {
                    primaryContacts.put(code, contact);
                }
            }
        }
    }

    private long insert(String sql, String table, Object... values) {
        jdbc.update(sql, values);
        return jdbc.queryForObject("select max(id) from " + table, Long.class);
    }

    long department(String code) {
        return departments.get(code);
    }

    long employee(String no) {
        return employees.get(no);
    }

    long distributor(String code) {
        return distributors.get(code);
    }

    String primaryContact(String code) {
        return primaryContacts.get(code);
    }

    long firstFamilyMember(long employeeId) {
        return jdbc.queryForObject("select min(id) from family_members where employee_id = ?", Long.class, employeeId);
    }

    int branchCount() {
        return branches.size();
    }

    /** Distributor codes with their ids, in code order. */
    java.util.SortedMap<String, Long> distributors() {
        return new java.util.TreeMap<>(distributors);
    }

    int distributorCount() {
        return distributors.size();
    }

    int employeeCount() {
        return employees.size();
    }

    int familyCount() {
        return families;
    }
}
