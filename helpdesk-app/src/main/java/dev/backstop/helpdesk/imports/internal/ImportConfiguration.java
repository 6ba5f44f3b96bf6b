package dev.backstop.helpdesk.imports.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background work of the imports module: the job worker's poll and the drop-folder scan. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportConfiguration {}
