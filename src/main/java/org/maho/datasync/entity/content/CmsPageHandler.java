package org.maho.datasync.entity.content;

import java.util.Set;
/** CMS pages with their store links; see {@link CmsContentHandler}. Page content is copied as it is. */
public final class CmsPageHandler extends CmsContentHandler {
    public CmsPageHandler() {
        super("cms_page", "cms_page", "page_id", "cms_page_store", "cms_pages", "page", "pages");
    }

    @Override
    public Set<String> needsWritten() {
        return Set.of("store", "cms_block", "category", "product");
    }
}
