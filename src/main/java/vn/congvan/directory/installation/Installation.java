package vn.congvan.directory.installation;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.platform.ClusterJobs;
import vn.congvan.platform.CongVanProperties;

/**
 * On every start: the demo province when the demo is on, then the administrator account, each only
 * if missing. Nodes starting together on one database take turns (a cluster job), so nothing is
 * created twice.
 */
@Component
@Order(0)
class Installation implements ApplicationRunner {

    private final TransactionTemplate transaction;
    private final ClusterJobs jobs;
    private final CongVanProperties properties;
    private final DemoProvinceSeeder demo;
    private final AdministratorAccount administrator;
    private final InitialPassword password;

    Installation(
            PlatformTransactionManager transactions,
            ClusterJobs jobs,
            CongVanProperties properties,
            DemoProvinceSeeder demo,
            AdministratorAccount administrator,
            InitialPassword password) {
        this.transaction = new TransactionTemplate(transactions);
        this.jobs = jobs;
        this.properties = properties;
        this.demo = demo;
        this.administrator = administrator;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        install();
    }

    void install() {
        boolean demoEnabled = properties.demoEnabled();
        List<String> created = new ArrayList<>();
        transaction.executeWithoutResult(status -> jobs.runInTurn(DirectoryJob.INSTALLATION, () -> {
            if (demoEnabled && demo.seedIfAbsent()) {
                created.add("the demo accounts");
            }
            if (administrator.createIfAbsent(demoEnabled)) {
                created.add(0, "the administrator 'admin'");
            }
        }));
        if (!created.isEmpty()) {
            password.announceIfGenerated(String.join(" and ", created));
        }
    }
}
