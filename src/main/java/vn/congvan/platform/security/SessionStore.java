package vn.congvan.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions are kept in PostgreSQL with its upsert: two requests of one fresh session that both
 * store the same attribute (the CSRF token of the page's first form) no longer collide on the
 * attribute's key and answer 500.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessions() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
