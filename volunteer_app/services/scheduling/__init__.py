"""任务与排班: tasks, shifts, assigning, attendance, 接龙 sign-ups, rosters and service types."""
