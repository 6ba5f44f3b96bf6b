/**
 * Tiny value types and the base exception shared by every module. Nothing here depends on a feature.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.backstop.helpdesk.shared;
