<?php
/**
 * Maho DataSync: tells the DataSync service that the shop committed a change, once per request, after the response
 * (or at the end of a cron or CLI run). Never slows the shop down by more than its timeout, never fails a request:
 * a service that does not answer simply picks the change up on its next poll.
 */
class Maho_DataSyncWake_Model_Observer
{
    /** @var bool */
    private static $registered = false;

    /** model_save_commit_after, model_delete_commit_after */
    public function changed(Varien_Event_Observer $observer)
    {
        if (self::$registered) {
            return;
        }
        $url = trim((string) Mage::getConfig()->getNode('global/datasync_wake/url'));
        if ($url === '') {
            return;
        }
        self::$registered = true;
        register_shutdown_function([__CLASS__, 'wake']);
    }

    public static function wake()
    {
        try {
            if (function_exists('fastcgi_finish_request')) {
                // the customer has the page already
                fastcgi_finish_request();
            }
            $config = Mage::getConfig();
            $url = rtrim(trim((string) $config->getNode('global/datasync_wake/url')), '/') . '/api/wake';
            $token = trim((string) $config->getNode('global/datasync_wake/token'));
            $timeout = max(50, (int) $config->getNode('global/datasync_wake/timeout_ms'));
            if (!function_exists('curl_init')) {
                return;
            }
            $curl = curl_init($url);
            curl_setopt_array($curl, [
                CURLOPT_POST => true,
                CURLOPT_POSTFIELDS => '',
                CURLOPT_HTTPHEADER => ['Authorization: Bearer ' . $token, 'Content-Length: 0'],
                CURLOPT_RETURNTRANSFER => true,
                CURLOPT_CONNECTTIMEOUT_MS => $timeout,
                CURLOPT_TIMEOUT_MS => $timeout,
                CURLOPT_NOSIGNAL => true,
            ]);
            $answer = curl_exec($curl);
            $status = (int) curl_getinfo($curl, CURLINFO_HTTP_CODE);
            curl_close($curl);
            if ($answer === false || $status !== 202) {
                Mage::log('DataSync wake: ' . $url . ' answered ' . ($status ?: 'nothing'), Zend_Log::NOTICE, 'datasync_wake.log');
            }
        } catch (Throwable $e) {
            // a wake that fails costs only the wait for the next poll
        }
    }
}
