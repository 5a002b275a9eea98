package io.leadqualifier.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the {@link ClusteredJob}s on Quartz. On PostgreSQL, Quartz's clustered JDBC job store on the service's
 * own datasource (tables of migration V11): each firing of a job is taken by one instance, under Quartz's row
 * lock, and when an instance dies the others take over its triggers (and re-run a job it was running) once it
 * has missed its check-ins ({@code lead-qualifier.jobs.checkin-interval}). On H2 (one instance) the jobs are
 * kept in memory. The schedule is one for the cluster: an instance that starts sets each job's period from its
 * settings, so every instance must have the same; {@code off} removes the job.
 */
@ApplicationScoped
public class ClusteredJobs {
    private static final Logger LOG = Logger.getLogger(ClusteredJobs.class);
    private static final String GROUP = "lead-qualifier";
    private static final String DATA_SOURCE = "leadQualifier";

    private final AgroalDataSource dataSource;
    private final boolean clustered;
    private final Duration checkinInterval;
    private final boolean runHere;
    private final Map<String, ClusteredJob> jobs;
    private final MeterRegistry metrics;
    private Scheduler scheduler;

    ClusteredJobs(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "lead-qualifier.jobs.checkin-interval", defaultValue = "5s") Duration checkinInterval,
            @ConfigProperty(name = "lead-qualifier.jobs.run", defaultValue = "true") boolean runHere,
            @All List<ClusteredJob> jobs, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.clustered = dbKind.toLowerCase(java.util.Locale.ROOT).startsWith("postgres");
        this.checkinInterval = checkinInterval;
        this.runHere = runHere;
        this.jobs = jobs.stream().collect(Collectors.toMap(ClusteredJob::identity, Function.identity()));
        this.metrics = metrics;
    }

    /** Whether the jobs are shared with the other instances on the database (PostgreSQL). */
    public boolean clustered() {
        return clustered;
    }

    // After the policy and the rest of the start-up: a job must not run on a half-started instance.
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER + 100) StartupEvent event)
            throws SchedulerException {
        if (clustered) {
            DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new ServiceConnections(dataSource));
        }
        scheduler = new StdSchedulerFactory(quartzSettings()).getScheduler();
        scheduler.setJobFactory((bundle, unused) -> new Run(jobs.get(bundle.getJobDetail().getKey().getName()), metrics));
        for (ClusteredJob job : jobs.values()) {
            schedule(job);
        }
        if (runHere) {
            scheduler.start();
        }
        LOG.infof("Jobs %s on Quartz (%s)%s", jobs.keySet(), clustered ? "clustered on PostgreSQL, instance " + scheduler.getSchedulerInstanceId()
                : "in memory", runHere ? "" : "; this instance runs none of them (lead-qualifier.jobs.run=false)");
    }

    void onStop(@Observes ShutdownEvent event) throws SchedulerException {
        if (scheduler != null) {
            scheduler.shutdown(true);
        }
    }

    private void schedule(ClusteredJob job) throws SchedulerException {
        JobKey key = JobKey.jobKey(job.identity(), GROUP);
        Optional<Duration> every = job.every();
        if (every.isEmpty()) {
            scheduler.deleteJob(key);
            return;
        }
        long period = every.get().toMillis();
        TriggerKey triggerKey = TriggerKey.triggerKey(job.identity(), GROUP);
        // Another instance set the same period: its trigger keeps its rhythm rather than restarting with each start.
        if (scheduler.getTrigger(triggerKey) instanceof SimpleTrigger existing && existing.getRepeatInterval() == period) {
            return;
        }
        JobDetail detail = JobBuilder.newJob(Run.class).withIdentity(key).storeDurably().requestRecovery().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey).forJob(key)
                .startAt(Date.from(Instant.now().plus(job.firstRunAfter())))
                // A run missed while no instance was up is not made up for: the next one does the work.
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(period).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        scheduler.scheduleJob(detail, Set.of(trigger), true);
    }

    private Properties quartzSettings() {
        Properties settings = new Properties();
        settings.setProperty("org.quartz.scheduler.instanceName", "lead-qualifier");
        settings.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        settings.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        settings.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        settings.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        settings.setProperty("org.quartz.threadPool.threadCount", Integer.toString(Math.max(1, jobs.size())));
        settings.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        if (clustered) {
            settings.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            settings.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            settings.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
            settings.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
            settings.setProperty("org.quartz.jobStore.isClustered", "true");
            settings.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinInterval.toMillis()));
            settings.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        } else {
            settings.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        return settings;
    }

    /** One run of a job; never two at once for the same job, across the cluster. */
    @DisallowConcurrentExecution
    public static final class Run implements Job {
        private final ClusteredJob job;
        private final MeterRegistry metrics;

        Run(ClusteredJob job, MeterRegistry metrics) {
            this.job = job;
            this.metrics = metrics;
        }

        @Override
        public void execute(JobExecutionContext context) {
            if (job == null) {
                // Scheduled by an instance of another release that has a job this one does not know.
                LOG.debugf("No job %s on this instance", context.getJobDetail().getKey().getName());
                return;
            }
            try {
                job.run();
                metrics.counter("leadqualifier.jobs.runs", "job", job.identity()).increment();
            } catch (RuntimeException e) {
                metrics.counter("leadqualifier.jobs.failures", "job", job.identity()).increment();
                LOG.warnf(e, "Job %s failed; it runs again at its next firing", job.identity());
            }
        }
    }

    /** Quartz's connections: the service's pool. */
    private record ServiceConnections(AgroalDataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // The pool belongs to the service.
        }

        @Override
        public void initialize() {
            // The pool is ready before the start-up event.
        }
    }
}
