/** The turns every benchmark conversation walks: the welcome, the menu, help, start over. */
export const BENCH_SCRIPT = ['hi', '2', '1', 'help', 'start over', 'What is Steady?'];
