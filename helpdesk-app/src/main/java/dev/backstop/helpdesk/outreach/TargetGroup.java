package dev.backstop.helpdesk.outreach;

/** Who a campaign is for: distributors (their primary contact; filter by region and tier) or employees (by branch). */
public enum TargetGroup {
    DISTRIBUTORS,
    EMPLOYEES
}
