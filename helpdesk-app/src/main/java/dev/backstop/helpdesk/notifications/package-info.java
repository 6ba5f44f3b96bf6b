/** In-app notifications to staff (SLA escalations, forwarded work), shown in the top bar and on their own page. */
package dev.backstop.helpdesk.notifications;
