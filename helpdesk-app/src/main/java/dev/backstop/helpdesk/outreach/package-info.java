/**
 * Outreach campaigns: a message in Chinese and English, sent by e-mail or SMS to a target list (distributors by
 * region / tier, employees by branch) in the background, with delivery and response tracking. Every message carries
 * a one-time response link; an answer opens an {@code OUTREACH} ticket at the campaign's desk.
 */
package dev.backstop.helpdesk.outreach;
