package vn.congvan.exchange.axis;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.exchange.edxml.Edxml;
import vn.congvan.platform.ClusterJobs;
import vn.congvan.storage.Blobs;

/** Binds the {@code congvan.exchange.axis.*} settings and wires the client's sender, poller and directory sync. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AxisProperties.class)
class AxisConfiguration {

    @Bean
    AxisHttp axisHttp(AxisProperties settings, Clock clock) {
        return new AxisHttp(settings, clock);
    }

    @Bean
    OutboxSender outboxSender(
            JdbcClient jdbc,
            Blobs blobs,
            AxisHttp http,
            AxisProperties settings,
            AuditTrail audit,
            ClusterJobs jobs,
            JsonMapper json,
            TransactionTemplate transaction,
            Clock clock) {
        return new OutboxSender(jdbc, blobs, http, settings, audit, jobs, json, transaction, clock);
    }

    @Bean
    InboxPoller inboxPoller(
            JdbcClient jdbc,
            Blobs blobs,
            Edxml edxml,
            AxisHttp http,
            AxisProperties settings,
            AuditTrail audit,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            ClusterJobs jobs,
            JsonMapper json,
            MessageSource messages,
            vn.congvan.exchange.outside.ReceivedStatuses statuses,
            Clock clock) {
        return new InboxPoller(
                jdbc, blobs, edxml, http, settings, audit, events, transaction, jobs, json, messages, statuses, clock);
    }

    @Bean
    DirectorySync directorySync(
            Directory directory,
            AxisHttp http,
            AxisProperties settings,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            ClusterJobs jobs,
            JsonMapper json,
            Clock clock) {
        return new DirectorySync(directory, http, settings, jdbc, transaction, jobs, json, clock);
    }
}
