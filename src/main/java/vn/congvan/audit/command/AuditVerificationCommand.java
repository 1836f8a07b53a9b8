package vn.congvan.audit.command;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import vn.congvan.audit.AuditTrail;
import vn.congvan.audit.chain.AuditVerification;

/**
 * Verifies the audit trail, prints one line with the result and ends the process: status 0 when
 * the chain is intact, 3 when it is broken (any other failure ends with Spring Boot's status 1).
 */
@Component
@ConditionalOnBooleanProperty(AuditVerificationEnvironment.PROPERTY)
class AuditVerificationCommand implements ApplicationRunner {

    static final int BROKEN = 3;

    private final AuditTrail trail;
    private final ConfigurableApplicationContext context;

    AuditVerificationCommand(AuditTrail trail, ConfigurableApplicationContext context) {
        this.trail = trail;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditVerification result = trail.verify();
        System.out.println(line(result));
        int status = result.intact() ? 0 : BROKEN;
        System.exit(SpringApplication.exit(context, () -> status));
    }

    static String line(AuditVerification result) {
        if (result.intact()) {
            return "Audit trail intact: " + result.recordsChecked() + " records verified"
                    + (result.lastHash() == null ? "" : ", last hash " + result.lastHash());
        }
        return "Audit trail BROKEN at seq " + result.firstBrokenSeq() + " (" + result.reason() + "), "
                + result.recordsChecked() + " intact records before it";
    }
}
