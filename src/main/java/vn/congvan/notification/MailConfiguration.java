package vn.congvan.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.directory.Directory;

/** Notices are e-mailed only where an SMTP server is configured ({@code spring.mail.host}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

    @Bean
    NoticeMailer noticeMailer(
            JdbcClient jdbc,
            Directory directory,
            JavaMailSender sender,
            MessageSource messages,
            MailSettings settings,
            TransactionTemplate transaction,
            NoticeScreening screening) {
        return new NoticeMailer(
                new PendingMails(jdbc),
                directory,
                sender,
                new NoticeEmail(messages, settings),
                settings,
                transaction,
                screening);
    }
}
