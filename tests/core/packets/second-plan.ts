// A second plan for the packet tests, imported through the real import service (worker,
// preview, commit) as a reader would import a file.
import type { Core } from '../../../electron/core/core';

export const SECOND_PLAN_TEXT = [
  '城市更新三年行动方案',
  '一、推进老旧小区改造',
  '到2026年底，完成老旧小区改造三百个，同步加装电梯、完善无障碍设施和养老托育服务，建立“先体检、后更新”的工作机制。',
  '二、完善城市交通网络',
  '加快轨道交通四期建设，优化公交线网，新增公共停车泊位两万个，推进慢行系统连通成网。',
  '三、提升公共服务水平',
  '新建改建中小学和幼儿园四十所，推动优质医疗资源扩容下沉，完善十五分钟便民生活圈。',
  '',
].join('\n');

export async function importSecondPlan(core: Core): Promise<{ planId: string; itemIds: string[] }> {
  const previewId = 'second-plan-1';
  const previewed = await core.router.dispatch('import.preview', {
    previewId,
    fileName: 'city-renewal.txt',
    dataBase64: Buffer.from(SECOND_PLAN_TEXT).toString('base64'),
  });
  if (!previewed.ok) throw new Error(`import.preview: ${previewed.error.message}`);
  const stored = await core.router.dispatch('import.commit', { previewId, choices: { levels: { theme: null, item: 'cn-comma' }, edits: [] } });
  if (!stored.ok) throw new Error(`import.commit: ${stored.error.message}`);
  const planId = (stored.value as { planId: string }).planId;
  const itemIds = core.db
    .prepare('SELECT i.id FROM initiatives i JOIN themes t ON t.id = i.theme_id WHERE i.plan_id = ? ORDER BY t.ordinal, i.ordinal')
    .pluck()
    .all(planId) as string[];
  return { planId, itemIds };
}
