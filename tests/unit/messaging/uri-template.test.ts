import { describe, expect, it } from 'vitest';
import { expandTemplate, templateVariables } from '@/lib/contract/uri-template';

describe('resource URI templates', () => {
  it('names each variable once, in order', () => {
    expect(templateVariables('demo://resource/dynamic/text/{resourceId}')).toEqual(['resourceId']);
    expect(templateVariables('file:///{+path}{?rev,mode}{&rev}')).toEqual(['path', 'rev', 'mode']);
  });

  it('percent-encodes simple values, so a value cannot add path segments or a query', () => {
    expect(expandTemplate('demo://resource/dynamic/text/{resourceId}', { resourceId: '3' })).toBe('demo://resource/dynamic/text/3');
    expect(expandTemplate('notes://{id}', { id: '../admin?x=1#y' })).toBe('notes://..%2Fadmin%3Fx%3D1%23y');
  });

  it('keeps reserved characters under + and writes query expressions, leaving out empty ones', () => {
    expect(expandTemplate('file:///{+path}{?rev,mode}', { path: 'a/b c.txt', rev: '2', mode: '' })).toBe('file:///a/b%20c.txt?rev=2');
    expect(expandTemplate('x://{a}{/b}', { a: 'p', b: '' })).toBe('x://p');
  });
});
