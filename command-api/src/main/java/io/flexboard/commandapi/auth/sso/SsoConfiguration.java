package io.flexboard.commandapi.auth.sso;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds and checks {@code flexboard.sso.*} when the service starts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SsoSettings.class)
class SsoConfiguration {
}
