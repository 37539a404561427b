<?php
/**
 * Maho DataSync source agent: lets DataSync read a shop whose database it cannot reach, through the shop's own web
 * server. Drop this file (and datasync-agent.config.php beside it) into a directory the web server serves, then run
 * `datasync sync all live -a agent --url https://shop.example/datasync-agent.php` with the same secret.
 *
 * It answers only DataSync's reads, each a signed POST of one JSON request:
 *   select  the rows of one table of the allow-list below: some or all of its columns, where conditions hold, ordered
 *           by a column, a number at most
 *   count   how many rows such a read would give
 *   columns a table's columns, a line each: [name, data type, nullable, charset]
 *   rows    about how many rows a table holds
 *   changes the change tracker's pending changes of some entity types, oldest first
 *   ack     acknowledges changes synced, or counts their failed attempts and parks those that failed too often: the one
 *           write the agent makes, to the tracker's table only (its database user needs UPDATE and DELETE on it alone)
 * Table and column names in the SQL come from this file's allow-list and from the database's own description of the
 * table, never from the request; every value is a bound parameter. Responses are gzip-compressed JSON lines, the
 * last one {"end":true}.
 *
 * Requests carry X-DataSync-Timestamp (Unix seconds), X-DataSync-Nonce (16 to 64 hex digits) and
 * X-DataSync-Signature: hex HMAC-SHA256 with the shared secret over "POST\n<path>\n<timestamp>\n<nonce>\n<body>".
 * A bad signature, a timestamp more than five minutes off or a nonce seen before gets 401 and nothing else.
 *
 * PHP 7.4 to 8.4 with PDO MySQL; nothing else.
 */

// a PHP warning goes to the web server's error log, never into an answer
ini_set('display_errors', '0');

const DATASYNC_AGENT_VERSION = '1';
const MAX_REQUEST_BYTES = 1048576;
const MAX_IN_VALUES = 5000;
const CLOCK_SKEW_SECONDS = 300;

/** The tables DataSync reads from an OpenMage, Magento 1 or Maho shop, by their names without the table prefix. */
const ALLOWED_TABLES = [
    'catalog_category_entity', 'catalog_category_entity_datetime', 'catalog_category_entity_decimal',
    'catalog_category_entity_int', 'catalog_category_entity_text', 'catalog_category_entity_varchar',
    'catalog_category_product', 'catalog_eav_attribute',
    'catalog_product_bundle_option', 'catalog_product_bundle_option_value', 'catalog_product_bundle_selection',
    'catalog_product_bundle_selection_price',
    'catalog_product_entity', 'catalog_product_entity_datetime', 'catalog_product_entity_decimal',
    'catalog_product_entity_int', 'catalog_product_entity_text', 'catalog_product_entity_varchar',
    'catalog_product_entity_group_price', 'catalog_product_entity_media_gallery',
    'catalog_product_entity_media_gallery_value', 'catalog_product_entity_tier_price',
    'catalog_product_link', 'catalog_product_link_attribute', 'catalog_product_link_attribute_decimal',
    'catalog_product_link_attribute_int', 'catalog_product_link_attribute_varchar', 'catalog_product_link_type',
    'catalog_product_option', 'catalog_product_option_price', 'catalog_product_option_title',
    'catalog_product_option_type_price', 'catalog_product_option_type_title', 'catalog_product_option_type_value',
    'catalog_product_relation', 'catalog_product_super_attribute', 'catalog_product_super_attribute_label',
    'catalog_product_super_attribute_pricing', 'catalog_product_super_link', 'catalog_product_website',
    'cataloginventory_stock_item',
    'catalogrule', 'catalogrule_customer_group', 'catalogrule_website',
    'cms_block', 'cms_block_store', 'cms_page', 'cms_page_store',
    'core_config_data', 'core_store', 'core_store_group', 'core_url_rewrite', 'core_website',
    'customer_address_entity', 'customer_address_entity_datetime', 'customer_address_entity_decimal',
    'customer_address_entity_int', 'customer_address_entity_text', 'customer_address_entity_varchar',
    'customer_eav_attribute', 'customer_entity', 'customer_entity_datetime', 'customer_entity_decimal',
    'customer_entity_int', 'customer_entity_text', 'customer_entity_varchar', 'customer_form_attribute',
    'customer_group',
    'directory_country_region',
    'downloadable_link', 'downloadable_link_price', 'downloadable_link_title', 'downloadable_sample',
    'downloadable_sample_title',
    'eav_attribute', 'eav_attribute_group', 'eav_attribute_label', 'eav_attribute_option', 'eav_attribute_option_value',
    'eav_attribute_set', 'eav_entity_attribute', 'eav_entity_type',
    'newsletter_subscriber',
    'rating', 'rating_option', 'rating_option_vote', 'rating_store', 'rating_title',
    'review', 'review_detail', 'review_entity', 'review_store',
    'sales_flat_creditmemo', 'sales_flat_creditmemo_comment', 'sales_flat_creditmemo_grid', 'sales_flat_creditmemo_item',
    'sales_flat_invoice', 'sales_flat_invoice_comment', 'sales_flat_invoice_grid', 'sales_flat_invoice_item',
    'sales_flat_order', 'sales_flat_order_address', 'sales_flat_order_grid', 'sales_flat_order_item',
    'sales_flat_order_payment', 'sales_flat_order_status_history',
    'sales_flat_shipment', 'sales_flat_shipment_comment', 'sales_flat_shipment_grid', 'sales_flat_shipment_item',
    'sales_flat_shipment_track',
    'salesrule', 'salesrule_coupon', 'salesrule_coupon_usage', 'salesrule_customer', 'salesrule_customer_group',
    'salesrule_label', 'salesrule_product_attribute', 'salesrule_website',
    'tag', 'tag_properties', 'tag_relation',
    'tax_calculation', 'tax_calculation_rate', 'tax_calculation_rate_title', 'tax_calculation_rule', 'tax_class',
];

/** DataSync's change tracker, which `datasync tracker install` creates without the shop's table prefix. */
const TRACKER_TABLE = 'datasync_change_tracker';
const PENDING = 0;
const SYNCED = 1;
const PARKED = 2;
/** Changes acknowledged per transaction: few, so that the locks on the shop's tracker rows are held briefly. */
const SETTLE_CHUNK = 100;
const MAX_CHANGES = 1000;

/** The comparisons a condition may make, as SQL. */
const OPERATORS = ['EQ' => '=', 'NE' => '<>', 'GT' => '>', 'GE' => '>=', 'LE' => '<=', 'IN' => 'IN', 'NOT_IN' => 'NOT IN',
    'NOT_NULL' => 'IS NOT NULL'];

final class AgentRefusal extends Exception
{
    /** @var int */
    public $status;

    public function __construct(int $status, string $message)
    {
        parent::__construct($message);
        $this->status = $status;
    }
}

function agent_main(): void
{
    try {
        $config = agent_config();
        if (!agent_is_https() && empty($config['allow_http'])) {
            throw new AgentRefusal(403, 'this agent answers over HTTPS only (allow_http is off)');
        }
        if (($_SERVER['REQUEST_METHOD'] ?? '') !== 'POST') {
            throw new AgentRefusal(405, 'POST a signed request');
        }
        $body = agent_body();
        agent_authenticate($config, $body);
        $request = json_decode($body, true);
        if (!is_array($request) || !isset($request['op']) || !is_string($request['op'])) {
            throw new AgentRefusal(400, 'the request is not a JSON object with an op');
        }
        $pdo = agent_database($config);
        $prefix = (string) ($config['db']['prefix'] ?? '');
        switch ($request['op']) {
            case 'select':
                agent_select($pdo, $prefix, $request);
                break;
            case 'count':
                agent_send([['count' => agent_count($pdo, $prefix, $request)]]);
                break;
            case 'columns':
                agent_send(array_values(agent_columns($pdo, $prefix, agent_table($request))));
                break;
            case 'rows':
                agent_send([['rows' => agent_row_estimate($pdo, $prefix, agent_table($request))]]);
                break;
            case 'changes':
                agent_changes($pdo, $request);
                break;
            case 'ack':
                agent_send([agent_ack($pdo, $request)]);
                break;
            case 'version':
                agent_send([['version' => DATASYNC_AGENT_VERSION, 'php' => PHP_VERSION]]);
                break;
            default:
                throw new AgentRefusal(400, 'unknown op');
        }
    } catch (AgentRefusal $refusal) {
        agent_refuse($refusal->status, $refusal->getMessage());
    } catch (Throwable $error) {
        // never a stack trace, a query or a credential: the shop's own error log has the details
        error_log('datasync-agent: ' . $error->getMessage());
        agent_refuse(500, 'the agent could not answer; see the web server\'s error log');
    }
}

/** The agent's settings: datasync-agent.config.php beside this file; the database from the shop's local.xml if it has none. */
function agent_config(): array
{
    $file = __DIR__ . '/datasync-agent.config.php';
    if (!is_file($file)) {
        throw new AgentRefusal(500, 'datasync-agent.config.php is missing');
    }
    $config = include $file;
    if (!is_array($config) || !isset($config['secret']) || strlen((string) $config['secret']) < 32) {
        throw new AgentRefusal(500, 'datasync-agent.config.php needs a secret of 32 characters or more');
    }
    if (empty($config['db'])) {
        $config['db'] = agent_local_xml($config['shop_root'] ?? __DIR__);
    }
    return $config;
}

/** The database settings of the shop's app/etc/local.xml (default_setup), read without XML extensions. */
function agent_local_xml(string $root): array
{
    $file = rtrim($root, '/') . '/app/etc/local.xml';
    if (!is_file($file)) {
        throw new AgentRefusal(500, 'no db settings in datasync-agent.config.php and no app/etc/local.xml');
    }
    $xml = (string) file_get_contents($file);
    $value = function (string $tag, string $within) {
        if (!preg_match('#<' . $tag . '>\s*(?:<!\[CDATA\[(.*?)\]\]>|([^<]*))\s*</' . $tag . '>#s', $within, $m)) {
            return '';
        }
        return isset($m[2]) && $m[2] !== '' ? trim($m[2]) : $m[1];
    };
    $setup = preg_match('#<default_setup>.*?<connection>(.*?)</connection>#s', $xml, $m) ? $m[1] : '';
    $host = $value('host', $setup);
    $port = 3306;
    if (preg_match('/^(.*):(\d+)$/', $host, $hp)) {
        $host = $hp[1];
        $port = (int) $hp[2];
    }
    return ['host' => $host, 'port' => $port, 'dbname' => $value('dbname', $setup), 'user' => $value('username', $setup),
        'password' => $value('password', $setup), 'prefix' => $value('table_prefix', $xml)];
}

function agent_is_https(): bool
{
    return (!empty($_SERVER['HTTPS']) && strtolower((string) $_SERVER['HTTPS']) !== 'off')
        || (string) ($_SERVER['SERVER_PORT'] ?? '') === '443';
}

/** The request body, refused past MAX_REQUEST_BYTES before it is read whole. */
function agent_body(): string
{
    $declared = (int) ($_SERVER['CONTENT_LENGTH'] ?? 0);
    if ($declared > MAX_REQUEST_BYTES) {
        throw new AgentRefusal(413, 'the request is larger than ' . MAX_REQUEST_BYTES . ' bytes');
    }
    $body = (string) file_get_contents('php://input', false, null, 0, MAX_REQUEST_BYTES + 1);
    if (strlen($body) > MAX_REQUEST_BYTES) {
        throw new AgentRefusal(413, 'the request is larger than ' . MAX_REQUEST_BYTES . ' bytes');
    }
    return $body;
}

/** Checks the signature, the timestamp and the nonce; any failure is a bare 401. */
function agent_authenticate(array $config, string $body): void
{
    $timestamp = (string) ($_SERVER['HTTP_X_DATASYNC_TIMESTAMP'] ?? '');
    $nonce = (string) ($_SERVER['HTTP_X_DATASYNC_NONCE'] ?? '');
    $signature = strtolower((string) ($_SERVER['HTTP_X_DATASYNC_SIGNATURE'] ?? ''));
    if (!preg_match('/^\d{1,12}$/', $timestamp) || !preg_match('/^[0-9a-f]{16,64}$/', $nonce)
        || !preg_match('/^[0-9a-f]{64}$/', $signature)) {
        throw new AgentRefusal(401, '');
    }
    $path = (string) parse_url((string) ($_SERVER['REQUEST_URI'] ?? ''), PHP_URL_PATH);
    $expected = hash_hmac('sha256', "POST\n" . $path . "\n" . $timestamp . "\n" . $nonce . "\n" . $body, (string) $config['secret']);
    if (!hash_equals($expected, $signature) || abs(time() - (int) $timestamp) > CLOCK_SKEW_SECONDS) {
        throw new AgentRefusal(401, '');
    }
    // a nonce is a file, created only if it does not exist: a replay finds it
    $dir = (string) ($config['nonce_dir'] ?? (sys_get_temp_dir() . '/datasync-agent-nonces'));
    if (!is_dir($dir) && !@mkdir($dir, 0700, true) && !is_dir($dir)) {
        throw new RuntimeException('cannot create the nonce directory ' . $dir);
    }
    $handle = @fopen($dir . '/' . $nonce, 'x');
    if ($handle === false) {
        throw new AgentRefusal(401, '');
    }
    fclose($handle);
    if (random_int(0, 99) === 0) {
        foreach ((array) glob($dir . '/*') as $old) {
            if (is_file($old) && filemtime($old) < time() - 2 * CLOCK_SKEW_SECONDS) {
                @unlink($old);
            }
        }
    }
}

function agent_database(array $config): PDO
{
    $db = $config['db'];
    $dsn = 'mysql:host=' . $db['host'] . ';port=' . (int) ($db['port'] ?? 3306) . ';dbname=' . $db['dbname'] . ';charset=utf8mb4';
    $pdo = new PDO($dsn, (string) $db['user'], (string) ($db['password'] ?? ''), [
        PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
        PDO::ATTR_EMULATE_PREPARES => true,
        // values as the server sends them: text, as DataSync keeps them
        PDO::ATTR_STRINGIFY_FETCHES => true,
        PDO::MYSQL_ATTR_USE_BUFFERED_QUERY => false,
    ]);
    $pdo->exec("SET time_zone = '+00:00'");
    return $pdo;
}

/** The allow-listed table a request names. */
function agent_table(array $request): string
{
    $table = $request['table'] ?? null;
    if (!is_string($table)) {
        throw new AgentRefusal(400, 'the request names no table');
    }
    if ($table === TRACKER_TABLE) {
        return TRACKER_TABLE;
    }
    $index = array_search($table, ALLOWED_TABLES, true);
    if ($index === false) {
        throw new AgentRefusal(400, 'the table is not one this agent answers for');
    }
    return ALLOWED_TABLES[$index];
}

/** A table's name in the database: the shop's prefix, but none for the tracker's. */
function agent_real_table(string $prefix, string $table): string
{
    return $table === TRACKER_TABLE ? $table : $prefix . $table;
}

/** A table's columns by name, as information_schema describes them; empty when the shop lacks the table. */
function agent_columns(PDO $pdo, string $prefix, string $table): array
{
    $statement = $pdo->prepare('SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE, CHARACTER_SET_NAME FROM information_schema.COLUMNS'
        . ' WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION');
    $statement->execute([agent_real_table($prefix, $table)]);
    $columns = [];
    foreach ($statement->fetchAll(PDO::FETCH_NUM) as $row) {
        $columns[$row[0]] = [$row[0], $row[1], strtoupper($row[2]) === 'YES', $row[3]];
    }
    return $columns;
}

/** A column the request names, as the table's own description spells it. */
function agent_column(array $columns, $name): string
{
    if (!is_string($name) || !isset($columns[$name])) {
        throw new AgentRefusal(400, 'a column is not one of the table\'s');
    }
    return $columns[$name][0];
}

/** The FROM and WHERE of a read, its values appended to $params. */
function agent_from_where(PDO $pdo, string $prefix, array $request, array &$params, ?array &$columns = null): string
{
    $table = agent_table($request);
    $columns = agent_columns($pdo, $prefix, $table);
    if (!$columns) {
        throw new AgentRefusal(400, 'the shop has no such table');
    }
    $sql = ' FROM `' . agent_real_table($prefix, $table) . '`';
    $where = $request['where'] ?? [];
    if (!is_array($where)) {
        throw new AgentRefusal(400, 'where is not a list');
    }
    $clauses = [];
    foreach ($where as $condition) {
        if (!is_array($condition) || !isset($condition['op']) || !is_string($condition['op'])
            || !isset(OPERATORS[$condition['op']])) {
            throw new AgentRefusal(400, 'a condition is not one this agent answers');
        }
        $column = '`' . agent_column($columns, $condition['column'] ?? null) . '`';
        $values = $condition['values'] ?? [];
        if (!is_array($values) || count($values) > MAX_IN_VALUES) {
            throw new AgentRefusal(400, 'a condition\'s values are not a list of at most ' . MAX_IN_VALUES);
        }
        foreach ($values as $value) {
            if (!is_string($value) && !is_int($value) && !is_float($value)) {
                throw new AgentRefusal(400, 'a condition\'s value is not a string or a number');
            }
        }
        $op = $condition['op'];
        if ($op === 'NOT_NULL') {
            $clauses[] = $column . ' IS NOT NULL';
        } elseif ($op === 'IN' || $op === 'NOT_IN') {
            $clauses[] = !$values ? ($op === 'IN' ? 'FALSE' : 'TRUE')
                : $column . ' ' . OPERATORS[$op] . ' (' . implode(',', array_fill(0, count($values), '?')) . ')';
            array_push($params, ...array_values($values));
        } else {
            if (count($values) !== 1) {
                throw new AgentRefusal(400, 'a comparison takes one value');
            }
            $clauses[] = $column . ' ' . OPERATORS[$op] . ' ?';
            $params[] = $values[0];
        }
    }
    return $sql . ($clauses ? ' WHERE ' . implode(' AND ', $clauses) : '');
}

function agent_select(PDO $pdo, string $prefix, array $request): void
{
    $params = [];
    $columns = [];
    $from = agent_from_where($pdo, $prefix, $request, $params, $columns);
    $wanted = $request['columns'] ?? [];
    if (!is_array($wanted)) {
        throw new AgentRefusal(400, 'columns is not a list');
    }
    $names = [];
    foreach ($wanted as $name) {
        $names[] = agent_column($columns, $name);
    }
    if (!$names) {
        $names = array_keys($columns);
    }
    $sql = 'SELECT ' . implode(', ', array_map(function ($name) { return '`' . $name . '`'; }, $names)) . $from;
    if (isset($request['order'])) {
        $sql .= ' ORDER BY `' . agent_column($columns, $request['order']) . '`';
    }
    $limit = $request['limit'] ?? 0;
    if (!is_int($limit) || $limit < 0) {
        throw new AgentRefusal(400, 'limit is not a whole number');
    }
    if ($limit > 0) {
        $sql .= ' LIMIT ' . $limit;
    }
    $statement = $pdo->prepare($sql);
    $statement->execute($params);
    agent_start_stream();
    agent_line(['columns' => $names]);
    while (($row = $statement->fetch(PDO::FETCH_NUM)) !== false) {
        agent_line($row);
    }
    agent_end_stream();
}

function agent_count(PDO $pdo, string $prefix, array $request): int
{
    $params = [];
    $statement = $pdo->prepare('SELECT COUNT(*)' . agent_from_where($pdo, $prefix, $request, $params));
    $statement->execute($params);
    return (int) $statement->fetchColumn();
}

/** The rows a table holds: counted when its statistics say under a million, else that figure. */
function agent_row_estimate(PDO $pdo, string $prefix, string $table): int
{
    $statement = $pdo->prepare('SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?');
    $statement->execute([agent_real_table($prefix, $table)]);
    $rows = $statement->fetchColumn();
    $statement->closeCursor();
    if ($rows === false || $rows === null) {
        return -1;
    }
    if ((int) $rows < 1000000) {
        return (int) $pdo->query('SELECT COUNT(*) FROM `' . agent_real_table($prefix, $table) . '`')->fetchColumn();
    }
    return (int) $rows;
}

/**
 * The pending changes of the given entity types, oldest first, each type's at most `limit` when it is given: one
 * statement, so that they are one consistent snapshot of the tracker (as DataSync's TrackerTable reads them).
 */
function agent_changes(PDO $pdo, array $request): void
{
    $types = $request['types'] ?? null;
    if (!is_array($types) || !$types || count($types) > 100) {
        throw new AgentRefusal(400, 'types is not a list of entity types');
    }
    foreach ($types as $type) {
        if (!is_string($type) || !preg_match('/^[a-z_]{1,32}$/', $type)) {
            throw new AgentRefusal(400, 'an entity type is not a name');
        }
    }
    $limit = $request['limit'] ?? null;
    if ($limit !== null && (!is_int($limit) || $limit < 1)) {
        throw new AgentRefusal(400, 'limit is not a positive whole number');
    }
    $columns = 'tracker_id, entity_type, entity_id, action, source_identifier, revision, attempts, created_at';
    $pending = 'SELECT ' . $columns . ' FROM `' . TRACKER_TABLE . '` WHERE sync_completed = ' . PENDING
        . ' AND entity_type IN (' . implode(',', array_fill(0, count($types), '?')) . ')';
    $sql = $limit === null ? $pending . ' ORDER BY created_at, tracker_id'
        : 'SELECT ' . $columns . ' FROM (SELECT ' . $columns . ', ROW_NUMBER() OVER (PARTITION BY entity_type ORDER BY'
            . ' created_at, tracker_id) AS type_position FROM (' . $pending . ') p) t WHERE type_position <= ' . $limit
            . ' ORDER BY created_at, tracker_id';
    $statement = $pdo->prepare($sql);
    $statement->execute(array_values($types));
    agent_start_stream();
    agent_line(['columns' => ['tracker_id', 'entity_type', 'entity_id', 'action', 'source_identifier', 'revision', 'attempts',
        'created_at']]);
    while (($row = $statement->fetch(PDO::FETCH_NUM)) !== false) {
        agent_line($row);
    }
    agent_end_stream();
}

/**
 * Settles changes at the revision read: `synced` ones are marked synced; each `failed` one has its attempt counted, and
 * is parked with its reason once it failed `max_attempts` times. A change made since it was read stays pending.
 */
function agent_ack(PDO $pdo, array $request): array
{
    $synced = agent_changes_of($request['synced'] ?? [], 4);
    $failed = agent_changes_of($request['failed'] ?? [], 6);
    $maxAttempts = $request['max_attempts'] ?? 1;
    if (!is_int($maxAttempts) || $maxAttempts < 1) {
        throw new AgentRefusal(400, 'max_attempts is not a positive whole number');
    }
    $table = agent_tracker_by_pending_key($pdo);
    $pendingRow = 'entity_type = ? AND entity_id = ? AND sync_completed = ' . PENDING . ' AND tracker_id = ? AND revision = ?';
    $exhausted = [];
    if ($failed) {
        $count = $pdo->prepare('UPDATE ' . $table . ' SET attempts = attempts + 1, last_error = ? WHERE ' . $pendingRow);
        foreach ($failed as $change) {
            $count->execute([agent_truncate($change[5]), $change[1], $change[2], $change[0], $change[3]]);
            if ((int) $change[4] + 1 >= $maxAttempts) {
                $exhausted[] = $change;
            }
        }
    }
    return ['synced' => agent_settle($pdo, $table, $pendingRow, $synced, SYNCED),
        'parked' => agent_settle($pdo, $table, $pendingRow, $exhausted, PARKED)];
}

/** A request's list of changes: [tracker_id, entity_type, entity_id, revision] and, for failures, attempts and reason. */
function agent_changes_of($list, int $width): array
{
    if (!is_array($list) || count($list) > MAX_CHANGES) {
        throw new AgentRefusal(400, 'a list of changes is not a list of at most ' . MAX_CHANGES);
    }
    foreach ($list as $change) {
        if (!is_array($change) || count($change) !== $width || !is_int($change[0]) || !is_string($change[1])
            || !is_int($change[2]) || !is_int($change[3]) || ($width === 6 && (!is_int($change[4])
                || !($change[5] === null || is_string($change[5]))))) {
            throw new AgentRefusal(400, 'a change is not [tracker_id, entity_type, entity_id, revision'
                . ($width === 6 ? ', attempts, reason' : '') . ']');
        }
    }
    return $list;
}

/**
 * Moves changes to a final state at the revision read, a chunk per transaction. The unique key allows one row per entity
 * and state, so the entity's older row in that state goes first.
 */
function agent_settle(PDO $pdo, string $table, string $pendingRow, array $changes, int $state): int
{
    $settled = 0;
    // the shop's triggers write this table inside its own transactions: row locks only, held briefly
    $pdo->exec('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
    foreach (array_chunk($changes, SETTLE_CHUNK) as $chunk) {
        $pdo->beginTransaction();
        try {
            $idsByType = [];
            foreach ($chunk as $change) {
                $idsByType[$change[1]][] = $change[2];
            }
            foreach ($idsByType as $type => $ids) {
                $delete = $pdo->prepare('DELETE FROM `' . TRACKER_TABLE . '` WHERE sync_completed = ? AND entity_type = ?'
                    . ' AND entity_id IN (' . implode(',', array_fill(0, count($ids), '?')) . ')');
                $delete->execute(array_merge([$state, (string) $type], $ids));
            }
            $reasoned = $state === PARKED;
            $mark = $pdo->prepare('UPDATE ' . $table . ' SET sync_completed = ?, synced_at = UTC_TIMESTAMP()'
                . ($reasoned ? ', last_error = COALESCE(?, last_error)' : '') . ' WHERE ' . $pendingRow);
            foreach ($chunk as $change) {
                $params = $reasoned ? [$state, agent_truncate($change[5])] : [$state];
                $mark->execute(array_merge($params, [$change[1], $change[2], $change[0], $change[3]]));
                $settled += $mark->rowCount();
            }
            $pdo->commit();
        } catch (Throwable $error) {
            $pdo->rollBack();
            throw $error;
        }
    }
    return $settled;
}

/** The tracker table forced to its unique key of (type, entity, state), which the shop's triggers lock it by too. */
function agent_tracker_by_pending_key(PDO $pdo): string
{
    $statement = $pdo->prepare('SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND'
        . ' TABLE_NAME = ? AND NON_UNIQUE = 0 GROUP BY INDEX_NAME HAVING GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX)'
        . ' = \'entity_type,entity_id,sync_completed\'');
    $statement->execute([TRACKER_TABLE]);
    $name = $statement->fetchColumn();
    $statement->closeCursor();
    return '`' . TRACKER_TABLE . '`' . ($name ? ' FORCE INDEX (`' . str_replace('`', '', $name) . '`)' : '');
}

/** At most 2,000 characters (not bytes: a cut never splits one). */
function agent_truncate(?string $text): ?string
{
    return $text === null || !preg_match('/^.{0,2000}/us', $text, $kept) ? $text : $kept[0];
}

/** @var resource|null the gzip stream of the response */
$GLOBALS['agent_gzip'] = null;

function agent_start_stream(): void
{
    header('Content-Type: application/x-ndjson');
    header('Content-Encoding: gzip');
    header('Cache-Control: no-store');
    $GLOBALS['agent_gzip'] = deflate_init(ZLIB_ENCODING_GZIP, ['level' => 1]);
    $GLOBALS['agent_buffer'] = '';
}

function agent_line($value): void
{
    $GLOBALS['agent_buffer'] .= json_encode($value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE) . "\n";
    if (strlen($GLOBALS['agent_buffer']) >= 65536) {
        echo deflate_add($GLOBALS['agent_gzip'], $GLOBALS['agent_buffer'], ZLIB_NO_FLUSH);
        $GLOBALS['agent_buffer'] = '';
    }
}

/** The last line says the response is whole: a response cut short (a dropped connection, a PHP error) lacks it. */
function agent_end_stream(): void
{
    agent_line(['end' => true]);
    echo deflate_add($GLOBALS['agent_gzip'], $GLOBALS['agent_buffer'], ZLIB_FINISH);
}

function agent_send(array $lines): void
{
    agent_start_stream();
    foreach ($lines as $line) {
        agent_line($line);
    }
    agent_end_stream();
}

/** A refusal: its status, and for anything but 401 a one-line reason that names nothing of the shop's. */
function agent_refuse(int $status, string $message): void
{
    if (!headers_sent()) {
        http_response_code($status);
        header('Content-Type: application/json');
        header('Cache-Control: no-store');
    }
    if ($status !== 401 && $message !== '') {
        echo json_encode(['error' => $message]);
    }
}

agent_main();
