package dev.backstop.helpdesk.accounts.internal;

import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.DeclaredImport;
import dev.backstop.helpdesk.imports.ImportKind;
import dev.backstop.helpdesk.imports.References;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import dev.backstop.imports.RowError;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * User accounts, upserted by user name, with their roles and bindings (distributor, employee, department). A new
 * account gets no usable password: an administrator sets one (the placeholder matches no password). FAMILY users
 * are bound to one family member and are not imported.
 */
@Component
class UserImports extends DeclaredImport {

    static final String NO_PASSWORD = "{bcrypt}imported-account-without-password";
    private static final Map<String, Role> ROLE_LABELS = Map.ofEntries(
            Map.entry("经销商", Role.DISTRIBUTOR),
            Map.entry("渠道坐席", Role.CHANNEL_AGENT),
            Map.entry("后台部门", Role.BACK_OFFICE),
            Map.entry("一线服务代表", Role.FRONTLINE),
            Map.entry("专家", Role.EXPERT),
            Map.entry("人事专员", Role.HR_AGENT),
            Map.entry("薪酬专员", Role.HR_PAYROLL),
            Map.entry("员工", Role.EMPLOYEE),
            Map.entry("员工家属", Role.FAMILY),
            Map.entry("主管", Role.SUPERVISOR),
            Map.entry("知识编辑", Role.KB_EDITOR),
            Map.entry("系统管理员", Role.ADMIN),
            Map.entry("管理员", Role.ADMIN));

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("username", "用户名", "Username", "账号").required().maxLength(64))
            .field(Field.text("display_name", "姓名", "Display Name").required().maxLength(100))
            .field(Field.text("roles", "角色", "Roles").required().maxLength(300))
            .field(Field.of("email", FieldType.EMAIL, "邮箱", "Email"))
            .field(Field.text("distributor_code", "经销商编码", "Distributor Code").maxLength(32))
            .field(Field.text("employee_no", "工号", "Employee No").maxLength(32))
            .field(Field.text("department_code", "部门编码", "Department Code").maxLength(32))
            .field(Field.of("enabled", FieldType.BOOLEAN, "启用", "Enabled"))
            .key("username")
            .build();

    private static final ImportKind KIND = ImportKind.of("users", "accounts.import.users", SCHEMA)
            .sample("lisi", "李四", "渠道坐席", "lisi@example.cn", "", "", "", "是")
            .sample("d0001-buyer", "Wang Buyer", "DISTRIBUTOR", "buyer@example.cn", "D0001", "", "", "Y")
            .sample("e0002", "王芳", "员工、一线服务代表", "", "", "E0002", "", "是")
            .build();

    private final JdbcTemplate jdbc;
    private final TableUpsert users;

    UserImports(JdbcTemplate jdbc, Clock clock) {
        super(KIND);
        this.jdbc = jdbc;
        this.users = TableUpsert.of(
                        jdbc,
                        "app_users",
                        List.of("username"),
                        List.of("display_name", "email", "enabled", "distributor_id", "employee_id", "department_id"))
                .fedBy("distributor_id", "distributor_code")
                .fedBy("employee_id", "employee_no")
                .fedBy("department_id", "department_code")
                .withInsertOnly(Map.<String, Supplier<Object>>of(
                        "password_hash", () -> NO_PASSWORD, "created_at", () -> Timestamp.from(clock.instant())));
    }

    /** Role codes or Chinese labels, separated by commas, semicolons, 、 or spaces; null when one is unknown. */
    static Set<Role> roles(String text, List<String> unknown) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : text.split("[,，;；、/|\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            Role role = ROLE_LABELS.get(part.strip());
            if (role == null) {
                try {
                    role = Role.valueOf(part.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException ex) {
                    unknown.add(part.strip());
                    continue;
                }
            }
            roles.add(role);
        }
        return roles;
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        Map<String, Long> distributors =
                References.ids(jdbc, "distributors", "code", References.column(rows, "distributor_code"));
        Map<String, Long> employees =
                References.ids(jdbc, "employees", "employee_no", References.column(rows, "employee_no"));
        Map<String, Long> departments =
                References.ids(jdbc, "departments", "code", References.column(rows, "department_code"));
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        List<Integer> accepted = new ArrayList<>();
        List<Object[]> userRows = new ArrayList<>();
        List<Set<Role>> wantedRoles = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow row = rows.get(i);
            List<String> unknown = new ArrayList<>();
            Set<Role> roles = roles(row.text("roles"), unknown);
            RowError problem = problem(row, roles, unknown, distributors, employees, departments);
            if (problem != null) {
                outcomes[i] = RowOutcome.rejected(problem);
                continue;
            }
            accepted.add(i);
            wantedRoles.add(roles);
            userRows.add(new Object[] {
                row.text("username"),
                row.text("display_name"),
                row.text("email"),
                !Boolean.FALSE.equals(row.bool("enabled")),
                distributors.get(row.text("distributor_code")),
                employees.get(row.text("employee_no")),
                departments.get(row.text("department_code"))
            });
        }
        if (accepted.isEmpty()) {
            return List.of(outcomes);
        }
        List<RowOutcome.Kind> userOutcomes =
                users.apply(userRows, accepted.stream().map(rows::get).toList());
        Map<List<Object>, Long> ids =
                users.ids(userRows.stream().map(r -> List.<Object>of(r[0])).toList());
        Map<Long, Set<Role>> current = currentRoles(ids.values());
        for (int a = 0; a < accepted.size(); a++) {
            long id = ids.get(List.of(userRows.get(a)[0]));
            Set<Role> wanted = wantedRoles.get(a);
            boolean rolesChanged = !wanted.equals(current.getOrDefault(id, Set.of()));
            if (rolesChanged) {
                jdbc.update("delete from user_roles where user_id = ?", id);
                jdbc.batchUpdate(
                        "insert into user_roles (user_id, role) values (?, ?)",
                        wanted.stream()
                                .map(role -> new Object[] {id, role.name()})
                                .toList());
                current.put(id, wanted);
            }
            RowOutcome.Kind user = userOutcomes.get(a);
            outcomes[accepted.get(a)] = user == RowOutcome.Kind.INSERTED
                    ? RowOutcome.INSERTED
                    : user == RowOutcome.Kind.UPDATED || rolesChanged ? RowOutcome.UPDATED : RowOutcome.UNCHANGED;
        }
        return List.of(outcomes);
    }

    private static RowError problem(
            ParsedRow row,
            Set<Role> roles,
            List<String> unknown,
            Map<String, Long> distributors,
            Map<String, Long> employees,
            Map<String, Long> departments) {
        long line = row.line();
        if (!unknown.isEmpty()) {
            return new RowError(
                    line, "roles", row.text("roles"), "accounts.import.unknownRole", List.of(unknown.getFirst()));
        }
        if (roles.isEmpty()) {
            return new RowError(line, "roles", row.text("roles"), "imports.value.empty", List.of());
        }
        if (roles.contains(Role.FAMILY)) {
            return new RowError(line, "roles", row.text("roles"), "accounts.import.familyNotImported", List.of());
        }
        String distributor = row.text("distributor_code");
        String employee = row.text("employee_no");
        String department = row.text("department_code");
        if (distributor != null && !distributors.containsKey(distributor)) {
            return new RowError(
                    line, "distributor_code", distributor, "accounts.import.unknownDistributor", List.of(distributor));
        }
        if (employee != null && !employees.containsKey(employee)) {
            return new RowError(line, "employee_no", employee, "accounts.import.unknownEmployee", List.of(employee));
        }
        if (department != null && !departments.containsKey(department)) {
            return new RowError(
                    line, "department_code", department, "accounts.import.unknownDepartment", List.of(department));
        }
        if (roles.contains(Role.DISTRIBUTOR) && distributor == null) {
            return new RowError(line, "distributor_code", null, "accounts.import.distributorRequired", List.of());
        }
        if (roles.contains(Role.EMPLOYEE) && employee == null) {
            return new RowError(line, "employee_no", null, "accounts.import.employeeRequired", List.of());
        }
        return null;
    }

    private Map<Long, Set<Role>> currentRoles(java.util.Collection<Long> ids) {
        Map<Long, Set<Role>> roles = new HashMap<>();
        List<Long> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        for (int i = 0; i < all.size(); i += 500) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + 500));
            jdbc.query(
                    "select user_id, role from user_roles where user_id in ("
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        roles.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class))
                                .add(Role.valueOf(rs.getString(2)));
                    },
                    chunk.toArray());
        }
        return roles;
    }
}
