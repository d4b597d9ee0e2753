package se.benefitledger.api.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

import java.lang.reflect.Method;

/**
 * What lets several service processes share one database: commands retried on a concurrent change
 * ({@link ConflictRetry}), the reports sequenced by municipality ({@link MunicipalitySequencingPolicy})
 * and their segments spread over the nodes ({@link SegmentBalancer}). See docs/operations.md.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    /**
     * Around every transactional (not read-only) method of a {@code @Service}, outside its transaction (a higher
     * precedence than the transaction advisor's), so that each attempt is a transaction of its own.
     * Infrastructure, so that Spring's auto-proxy creator applies it as it applies the transactions.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor conflictRetryAdvisor(ObjectProvider<PlatformTransactionManager> transactions, ObjectProvider<ClusterProperties> properties,
                                        ObjectProvider<MeterRegistry> meters) {
        var pointcut = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                if (!AnnotatedElementUtils.hasAnnotation(targetClass, Service.class)) {
                    return false;
                }
                var transactional = AnnotatedElementUtils.findMergedAnnotation(method, Transactional.class);
                if (transactional == null) {
                    transactional = AnnotatedElementUtils.findMergedAnnotation(targetClass, Transactional.class);
                }
                // a read-only call changes nothing to conflict over, and keeps its read-only transaction
                return transactional != null && !transactional.readOnly();
            }
        };
        var advisor = new DefaultPointcutAdvisor(pointcut, new ConflictRetry(transactions, properties, meters));
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return advisor;
    }

    /** Named in application.yml as the reports' {@code sequencing-policy}. */
    @Bean
    MunicipalitySequencingPolicy municipalitySequencing() {
        return new MunicipalitySequencingPolicy();
    }

    @Bean(destroyMethod = "stop")
    SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, JdbcClient jdbc, ClusterProperties properties) {
        return new SegmentBalancer(processing, jdbc, properties);
    }

    /** Balances from the moment the service is ready until the context closes. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> startSegmentBalancing(SegmentBalancer balancer) {
        return ready -> balancer.start();
    }
}
