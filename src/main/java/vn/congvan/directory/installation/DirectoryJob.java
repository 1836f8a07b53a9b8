package vn.congvan.directory.installation;

import vn.congvan.platform.ClusterJob;

/** The directory module's jobs, each run by one node at a time ({@link vn.congvan.platform.ClusterJobs}). */
enum DirectoryJob implements ClusterJob {
    INSTALLATION("directory.installation");

    private final String jobName;

    DirectoryJob(String jobName) {
        this.jobName = jobName;
    }

    @Override
    public String jobName() {
        return jobName;
    }
}
