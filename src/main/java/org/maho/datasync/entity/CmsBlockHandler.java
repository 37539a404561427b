package org.maho.datasync.entity;

/** CMS static blocks with their store links; see {@link CmsContentHandler}. */
public final class CmsBlockHandler extends CmsContentHandler {
    public CmsBlockHandler() {
        super("cms_block", "cms_block", "block_id", "cms_block_store", "cms_blocks", "block", "blocks");
    }
}
