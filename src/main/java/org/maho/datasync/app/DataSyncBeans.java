package org.maho.datasync.app;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.util.concurrent.SynchronousExecutorService;
import org.maho.datasync.pipeline.BatchWriter;
import org.maho.datasync.pipeline.DeadLetters;
import org.maho.datasync.pipeline.DeleteMirror;
import org.maho.datasync.pipeline.Duplicates;
import org.maho.datasync.pipeline.Identities;
import org.maho.datasync.pipeline.Jobs;
import org.maho.datasync.pipeline.RecordBatcher;
import org.maho.datasync.pipeline.Reporter;
import org.maho.datasync.pipeline.RetryCounter;
import org.maho.datasync.pipeline.Validation;

/** The beans the routes call by name. They hold no state of their own: a job travels with each exchange. */
public class DataSyncBeans implements CamelConfiguration {

    @BindToRegistry
    public Jobs jobs() {
        return new Jobs();
    }

    @BindToRegistry
    public RecordBatcher recordBatcher() {
        return new RecordBatcher();
    }

    /** Lets the aggregator hand each batch on in the reading thread, so batches run in order and finish with the run. */
    @BindToRegistry
    public SynchronousExecutorService synchronousExecutor() {
        return new SynchronousExecutorService();
    }

    @BindToRegistry
    public Identities identities() {
        return new Identities();
    }

    @BindToRegistry
    public Duplicates duplicates() {
        return new Duplicates();
    }

    @BindToRegistry
    public Validation validation() {
        return new Validation();
    }

    @BindToRegistry
    public BatchWriter batchWriter() {
        return new BatchWriter();
    }

    @BindToRegistry
    public DeadLetters deadLetters() {
        return new DeadLetters();
    }

    @BindToRegistry
    public RetryCounter retryCounter() {
        return new RetryCounter();
    }

    @BindToRegistry
    public DeleteMirror deleteMirror() {
        return new DeleteMirror();
    }

    @BindToRegistry
    public Reporter reporter() {
        return new Reporter();
    }
}
