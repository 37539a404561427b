package org.maho.datasync.source.agent;

import java.util.Iterator;
import java.util.OptionalLong;
import java.util.Set;
import org.maho.datasync.db.AgentEndpoint;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.Settings;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.SourceAdapter;
import org.maho.datasync.source.openmage.OpenMageAdapter;

/**
 * An OpenMage, Magento 1 or Maho shop read through the source agent on its web server ({@code agent/datasync-agent.php}),
 * for a database DataSync cannot reach. The reading is the openmage adapter's: it asks the shop only
 * {@link org.maho.datasync.db.TableQuery} reads, which the agent answers from its allow-list ({@link AgentClient}).
 */
public final class AgentAdapter implements SourceAdapter {

    private final OpenMageAdapter tables = new OpenMageAdapter();

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public Input input() {
        return Input.AGENT;
    }

    @Override
    public boolean reads(String entityType) {
        return tables.reads(entityType);
    }

    @Override
    public Set<JobOption> options() {
        return tables.options();
    }

    @Override
    public boolean resumes() {
        return tables.resumes();
    }

    @Override
    public OptionalLong expectedRecords(SyncJob job) {
        return tables.expectedRecords(job);
    }

    @Override
    public ShopDatabase remoteShop(AgentEndpoint endpoint, Settings settings) {
        return ShopDatabase.remote("source", new AgentClient(endpoint, settings.retryAttempts(), settings.retryDelayMillis()));
    }

    @Override
    public Iterator<Record> read(SyncJob job) {
        return tables.read(job);
    }
}
