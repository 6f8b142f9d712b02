/** One normalisation of file URIs (service/uris.ts): every spelling of one file, and of one workspace folder, is one key. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileUri, folderKey, uriKey } from '../../server/src/service/uris';

describe('URIs', () => {
  it('uriKey: the spellings clients use for one file are one key; a word that is no URI is its own', () => {
    const vscode = fileUri('/ws/Kamervraag (1) & co.kvr');
    for (const spelling of ['file:///ws/Kamervraag%20(1)%20&%20co.kvr', 'FILE:///ws/Kamervraag%20%281%29%20%26%20co.kvr', 'file://localhost/ws/Kamervraag%20(1)%20&%20co.kvr']) {
      assert.equal(uriKey(spelling), uriKey(vscode), spelling);
    }
    assert.equal(uriKey('notes'), 'notes');
  });

  it('folderKey: a folder with or without a slash at the end is one folder; the root keeps its own', () => {
    assert.equal(folderKey('file:///ws/'), folderKey('file:///ws'));
    assert.equal(folderKey('file:///ws//'), 'file:///ws');
    assert.equal(folderKey('file:///'), 'file:///');
    assert.equal(folderKey('file:///Werk%20map/'), uriKey('file:///Werk map'));
  });
});
