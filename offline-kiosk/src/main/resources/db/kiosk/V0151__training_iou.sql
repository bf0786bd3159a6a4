-- HR-21: an IOU slip captured in a drill (training namespace) is marked with its drill, so that the real slips' short
-- numbers count only real slips (a drill's slips have their own 演练 series and go with the drill's purge).
alter table iou add column drill_id text;
