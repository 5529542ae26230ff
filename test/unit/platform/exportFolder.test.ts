import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultExportFolder } from '../../../src/platform/exportFolder';

describe('exports open the save dialog outside the workspace (issue 24 item 9)', () => {
  let home: string;
  beforeEach(async () => (home = await mkdtemp(join(tmpdir(), 'grok-home-'))));
  afterEach(async () => rm(home, { recursive: true, force: true }));

  it("defaults to the user's Downloads folder when there is one", async () => {
    await mkdir(join(home, 'Downloads'));
    assert.equal(defaultExportFolder(home), join(home, 'Downloads'));
  });

  it('else to the home folder', () => {
    assert.equal(defaultExportFolder(home), home);
  });
});
