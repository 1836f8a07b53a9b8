package vn.congvan.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The static files under their own paths only ({@code /css}, {@code /js}, {@code /img}, {@code
 * /webjars}, the browsers' {@code /favicon.ico}, the app's manifest and service worker), in
 * place of Spring Boot's catch-all {@code /**} mapping ({@code spring.web.resources.add-mappings}
 * is off): with it, every link a page writes ({@code /statistics/units/…}) was looked up as a
 * possible static file in the jar, and a ranking page of 1,500 communes spent seconds on that.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
        registry.addResourceHandler("/img/**").addResourceLocations("classpath:/static/img/");
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/");
        // The app on a phone's home screen: its manifest, and its service worker, whose scope is the
        // path it is served from (the root, to keep "my work").
        registry.addResourceHandler("/manifest.webmanifest", "/sw.js").addResourceLocations("classpath:/static/");
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
