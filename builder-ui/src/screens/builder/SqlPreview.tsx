const KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'GROUP', 'BY', 'ORDER', 'AS', 'AND', 'OR', 'NOT', 'IN', 'ON', 'JOIN', 'LEFT',
  'RIGHT', 'INNER', 'OUTER', 'LIMIT', 'TOP', 'HAVING', 'DESC', 'ASC', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'DISTINCT', 'WITH',
  'UNION', 'ALL', 'IS', 'NULL', 'LIKE', 'BETWEEN', 'CAST', 'COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'FORMAT', 'DATEADD', 'GETDATE']);

/** The roadmap's "SQL Query Preview": the query as the agent will run it, keywords highlighted. */
export function SqlPreview({ title, name, query }: { title: string; name: string; query: string }) {
  const tokens = query.split(/(\s+|[(),;])/);
  return (
    <figure class="sql-preview" data-widget={name}>
      <figcaption><span class="strong">{title}</span> <span class="muted mono small">{name}</span></figcaption>
      <pre><code>
        {query.trim() === '' ? <span class="muted">-- no query yet</span> : tokens.map((t, i) => (
          KEYWORDS.has(t.toUpperCase()) ? <span key={i} class="sql-keyword">{t}</span>
            : /^'.*'$/.test(t) ? <span key={i} class="sql-string">{t}</span>
              : /^\d+$/.test(t) ? <span key={i} class="sql-number">{t}</span> : t
        ))}
      </code></pre>
    </figure>
  );
}
