package se.benefitledger.api.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Optimistic concurrency with a bounded retry, once for every service: a transactional service
 * call that meets a concurrent change (another node appended at the aggregate's sequence first, an
 * aggregate cached stale, a deadlock or serialization failure) is run again from the start, up to
 * {@code ledger.cluster.conflict-retries} times, and then left to be answered 409.
 * <p>
 * Each attempt is a transaction of its own: a new one when the service call is the outermost, or a
 * savepoint inside the request's transaction (the idempotency filter's, which holds the key's lock).
 * PostgreSQL refuses every statement of a transaction after an error until it is rolled back, and
 * rolling back to the savepoint is what makes the next attempt possible; under READ COMMITTED the
 * next attempt's statements see what the other node committed, so the aggregate is loaded anew.
 */
final class ConflictRetry implements MethodInterceptor {

    /** PostgreSQL's serialization_failure and deadlock_detected, and unique_violation (an append at a taken sequence). */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "23505");
    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);
    /** Only the outermost service call retries: a call from one service into another is part of its attempt. */
    private static final ThreadLocal<Boolean> inAttempt = new ThreadLocal<>();

    private final ObjectProvider<PlatformTransactionManager> transactionManager;
    private final ObjectProvider<ClusterProperties> properties;
    private final ObjectProvider<MeterRegistry> meters;
    private volatile PlatformTransactionManager transactions;
    private volatile Counter retried;

    /** Looked up at the first call: an advisor is created before the beans it advises and those it needs. */
    ConflictRetry(ObjectProvider<PlatformTransactionManager> transactions, ObjectProvider<ClusterProperties> properties,
                  ObjectProvider<MeterRegistry> meters) {
        this.transactionManager = transactions;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (inAttempt.get() != null) {
            return invocation.proceed();
        }
        if (transactions == null) {
            retried = Counter.builder("ledger.commands.conflict.retries").description("service calls run again after a concurrent change")
                             .register(meters.getObject());
            transactions = transactionManager.getObject();
        }
        inAttempt.set(Boolean.TRUE);
        try {
            for (int attemptsLeft = properties.getObject().conflictRetries(); ; attemptsLeft--) {
                try {
                    return once(invocation);
                } catch (RuntimeException e) {
                    if (attemptsLeft == 0 || !isConflict(e)) {
                        throw e;
                    }
                    retried.increment();
                    log.debug("{} met a concurrent change, {} attempts left: {}", invocation.getMethod().getName(), attemptsLeft, e.toString());
                    // a little apart, so that two nodes that met do not meet again at once
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1, 20));
                }
            }
        } finally {
            inAttempt.remove();
        }
    }

    /**
     * One attempt, at the isolation the service asks for, with Spring's rule for its outcome: rolled
     * back on an unchecked exception, committed otherwise.
     */
    private Object once(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return inSavepoint(invocation);
        }
        var transactional = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), Transactional.class);
        if (transactional == null) {
            transactional = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod().getDeclaringClass(), Transactional.class);
        }
        var attempt = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED);
        if (transactional != null) {
            attempt.setIsolationLevel(transactional.isolation().value());
        }
        TransactionStatus status = transactions.getTransaction(attempt);
        Object result;
        try {
            result = invocation.proceed();
        } catch (RuntimeException | Error e) {
            transactions.rollback(status);
            throw e;
        } catch (Throwable e) {
            transactions.commit(status);
            throw e;
        }
        transactions.commit(status);
        return result;
    }

    /**
     * An attempt inside the caller's transaction (the request's, whose isolation it keeps) begins at a savepoint, which
     * an unchecked exception rolls back to. A successful attempt leaves its savepoint to the transaction's end rather
     * than releasing it: a release is a round trip to the database for every command and changes nothing.
     */
    private Object inSavepoint(MethodInvocation invocation) throws Throwable {
        TransactionStatus request = transactions.getTransaction(new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_MANDATORY));
        Object savepoint = request.createSavepoint();
        try {
            return invocation.proceed();
        } catch (RuntimeException | Error e) {
            request.rollbackToSavepoint(savepoint);
            throw e;
        }
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof ConcurrencyFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && CONFLICT_STATES.contains(sql.getSQLState())
                    && (!"23505".equals(sql.getSQLState()) || String.valueOf(sql.getMessage()).contains("domain_event_entry_aggregate_sequence_key"))) {
                return true;
            }
        }
        return false;
    }
}
