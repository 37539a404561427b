package org.maho.datasync.pipeline;

/** Thrown into the reading loop once a job has failed, so that no more records are read. */
public class JobStoppedException extends RuntimeException {
    public JobStoppedException(String message) {
        super(message);
    }
}
