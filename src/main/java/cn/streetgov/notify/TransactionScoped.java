package cn.streetgov.notify;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Per-transaction state of this package: a synchronization of the current transaction, registered
 * on first use. Kept among the transaction's synchronizations (not as a thread-bound resource), so
 * that a transaction suspended for a new one keeps its own.
 */
final class TransactionScoped {

    private TransactionScoped() {
    }

    /** The current transaction's synchronization of that type, created on first use; null outside a transaction. */
    static <T extends TransactionSynchronization> T get(Class<T> type, Supplier<T> create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (type.isInstance(synchronization)) {
                return type.cast(synchronization);
            }
        }
        T created = create.get();
        TransactionSynchronizationManager.registerSynchronization(created);
        return created;
    }
}
