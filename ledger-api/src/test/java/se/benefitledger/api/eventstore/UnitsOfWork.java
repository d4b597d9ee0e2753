package se.benefitledger.api.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.concurrent.Callable;

/** Runs a task in a unit of work with its own transaction, as a command handler would, and answers its result. */
final class UnitsOfWork {

    private UnitsOfWork() {
    }

    static <R> R inUnitOfWork(TransactionManager transactions, Callable<R> task) {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        var result = unitOfWork.executeWithResult(task, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new AssertionError(result.exceptionResult());
        }
        return result.getPayload();
    }
}
