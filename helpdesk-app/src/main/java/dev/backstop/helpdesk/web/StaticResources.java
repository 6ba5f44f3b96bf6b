package dev.backstop.helpdesk.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The static files, served from exactly the folders that hold them: {@code /css/**}, {@code /js/**} and {@code /images/**}
 * from {@code classpath:/static/}, {@code /webjars/**} (htmx, its SSE extension, ECharts)
 * from the webjars, also without a version in the path. Spring Boot's own mapping ({@code /**} over four classpath
 * folders and the servlet context) is off ({@code spring.web.resources.add-mappings=false}); a new folder of static files needs its line
 * here (and in the page chain's {@code permitAll}). The Swagger UI has its own handler (springdoc).
 *
 * <p>Why: the webjars locator turns on Boot's resource chain and its {@code ResourceUrlEncodingFilter}, which asks the
 * resource handlers about every link a page renders ({@code @{/workspace/tickets/42}} as much as the script tags), to
 * put the webjars' versions into their URLs. With a handler for {@code /**} every link was looked up as a file in four
 * classpath folders and the servlet context, i.e. in every jar of the application — and a miss is not cached. That
 * was most of a page's rendering time (about a fifth of the CPU of {@code AuthorizationMatrixTests}, which renders
 * every page for every role). Now a link outside these folders matches no handler and is left as it is at once; the
 * links to static files are resolved (and cached) as before, webjars with their versions.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        for (String folder : new String[] {"css", "js", "images"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true);
        }
    }
}
