/**
 * Employees and their families, payslips, benefit enrolments and leave balances. So far: their imports (the
 * HR desk issue adds the rest). Payslips are the most sensitive data: only the employee and payroll staff read them.
 */
package dev.backstop.helpdesk.hr;
