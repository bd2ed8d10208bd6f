import { defaultPhases } from './meeting';
import type { MeetingSetup, Slot } from './meeting';

// Units from the meeting Rostrum was born from; the speakers' names are invented.
const UNITS: ReadonlyArray<readonly [sitting: 'd1' | 'd2', unit: string, speaker: string]> = [
  ['d1', '科技经济运行局', '张伟 局长'],
  ['d1', '服务业促进局', '王芳 局长'],
  ['d1', '综保区管理局', '李强 局长'],
  ['d1', '智能装备产业发展中心', '刘洋 主任'],
  ['d1', '生命科学城发展中心', '陈静 主任'],
  ['d1', '创新谷发展中心', '杨帆 主任'],
  ['d2', '中心区腾笼换业工作组', '赵磊 组长'],
  ['d2', '高新东区商业中心工作组', '黄敏 组长'],
  ['d2', '社会事业局', '周军 局长'],
  ['d2', '行政服务与审批管理局', '吴婷 局长'],
  ['d2', '齐鲁软件园发展中心', '徐鹏 主任'],
];

/**
 * The built-in demo: the meeting Rostrum was born from, so a fresh install opens on something
 * real to rehearse with.
 */
export function demoMeeting(): MeetingSetup {
  const slots: Slot[] = UNITS.map(([sittingId, unit, speaker], i) => ({
    id: `s${String(i + 1).padStart(2, '0')}`,
    sittingId,
    unit,
    speaker,
    topic: '五年规划、三年行动计划与今年重点任务',
    phases: defaultPhases(),
  }));
  return {
    title: '理任务 晒思路 工作目标大比拼',
    sittings: [
      { id: 'd1', title: '2月14日下午' },
      { id: 'd2', title: '2月15日上午' },
    ],
    slots,
  };
}
