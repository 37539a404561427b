package org.maho.datasync.app;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.maho.datasync.pipeline.BatchWriter;
import org.maho.datasync.pipeline.DeadLetters;
import org.maho.datasync.pipeline.DeleteMirror;
import org.maho.datasync.pipeline.Duplicates;
import org.maho.datasync.pipeline.Identities;
import org.maho.datasync.pipeline.Jobs;
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
