print('{\u0660}'.format('zero'), '{0[\uff11]}'.format([10, 20]), '{0[1]}{1}'.format('ab', 2))
