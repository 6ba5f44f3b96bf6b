/**
 * The phone system's side of the desk (PBX / CTI): a call abandoned in the queue, or a caller who asked to be called
 * back (IVR "press 1"), becomes a {@code CALLBACK} ticket in the desk's queue with its due time (the SLA policy of
 * callbacks), the caller identified by number where a distributor contact (channel desk) or an employee or family
 * member (HR desk) has it. The PBX reports with an API
 * token; the same call reported twice, or the same caller calling again before anyone called back, never makes a
 * second task.
 */
package dev.backstop.helpdesk.calls;
