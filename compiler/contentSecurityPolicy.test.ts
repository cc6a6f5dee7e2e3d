import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes } from './contentSecurityPolicy.ts';

describe('content security policy', () => {
  it('allows exactly the inline scripts of the page, by hash, and no external script', () => {
    const body = "\n  document.documentElement.dataset.theme = 'dark';\n";
    const html = `<head><script>${body}</script><script type="module" src="./a.js"></script></head>`;
    const hash = createHash('sha256').update(body).digest('base64');
    expect(inlineScriptHashes(html)).toEqual([`'sha256-${hash}'`]);
    const policy = contentSecurityPolicy(html);
    expect(policy).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*|https?:/);
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("object-src 'none'");
  });
});
