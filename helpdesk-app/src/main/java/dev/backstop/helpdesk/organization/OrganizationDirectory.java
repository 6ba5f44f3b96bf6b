package dev.backstop.helpdesk.organization;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Regions, branches and the back-office departments work is forwarded to. */
@Service
public class OrganizationDirectory {

    private final JdbcTemplate jdbc;

    OrganizationDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record DepartmentRef(long id, String code, String name, String nameEn, String kind) {}

    public record RegionRef(long id, String code, String name, String nameEn) {}

    public record BranchRef(long id, String code, String name, String nameEn, String regionCode) {}

    public List<RegionRef> regions() {
        return jdbc.query(
                "select id, code, name, name_en from regions order by code",
                (rs, i) -> new RegionRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    public List<BranchRef> branches() {
        return jdbc.query(
                """
                select b.id, b.code, b.name, b.name_en, r.code from branches b join regions r on r.id = b.region_id
                 order by r.code, b.code""",
                (rs, i) -> new BranchRef(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    public List<DepartmentRef> departments() {
        return jdbc.query(
                "select id, code, name, name_en, kind from departments order by id",
                (rs, i) -> new DepartmentRef(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }
}
