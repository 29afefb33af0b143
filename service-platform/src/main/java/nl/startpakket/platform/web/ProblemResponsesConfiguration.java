package nl.startpakket.platform.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Problem+json for every 4xx of the API, also where no controller advice is involved: the error
 * path, Tomcat's own refusals, and request headers the parsers cannot handle. Import it from a
 * service's configuration (opt-in, so each service adopts it with its tests).
 */
@Configuration(proxyBeanMethods = false)
public class ProblemResponsesConfiguration {

    @Bean
    public ProblemErrorController problemErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                                                         ObjectProvider<ErrorViewResolver> errorViewResolvers) {
        return new ProblemErrorController(errorAttributes, server.getError(), errorViewResolvers.orderedStream().toList());
    }

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    public FilterRegistrationBean<ApiRequestGuardFilter> apiRequestGuardFilter() {
        FilterRegistrationBean<ApiRequestGuardFilter> registration = new FilterRegistrationBean<>(new ApiRequestGuardFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

}
