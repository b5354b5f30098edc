package ai.human.backend.tf.internal;

/**
 * Runs code where no tensor scope is open. Scopes are per thread, and every tensor joins the innermost scope open on
 * the thread that creates it; a model's weights must outlive any scope its loader happens to be in, so they are
 * created on a short-lived thread of their own, which has no scope.
 */
public final class OutsideScopes {
    private OutsideScopes() {
    }

    /** Runs {@code body} on a new thread and waits for it; its exception, if any, is rethrown here. */
    public static void run(Runnable body) {
        RuntimeException[] failure = new RuntimeException[1];
        Error[] error = new Error[1];
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                failure[0] = e;
            } catch (Error e) {
                error[0] = e;
            }
        }, "human-tf-model-weights");
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (error[0] != null) {
            throw error[0];
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
