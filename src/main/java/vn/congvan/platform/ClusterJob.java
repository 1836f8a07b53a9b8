package vn.congvan.platform;

/**
 * A job that one node of the cluster runs at a time ({@link ClusterJobs}). Each module names its jobs
 * in a catalogue of its own, an enum implementing this.
 */
public interface ClusterJob {

    /**
     * The job's name, {@code <module>.<job>} in lower case: unique in the installation and never
     * changed, since the job's lock is derived from it (a node of the next version must exclude a
     * node of this one).
     */
    String jobName();
}
