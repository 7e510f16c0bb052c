@ The kernel's symbol table (kernel/ksyms.h), written by scripts/gen-ksyms.
	.section .ksyms, "a"
	.balign 4
	.global ksyms_table_size, ksyms_table, ksyms_table_names
ksyms_table_size:
	.word 1237
ksyms_table:
	.word 0x80009000, 0
	.word 0x80009040, 14
	.word 0x800090a4, 24
	.word 0x80009100, 31
	.word 0x8000916c, 41
	.word 0x800091b4, 51
	.word 0x80009278, 62
	.word 0x80009334, 77
	.word 0x800093b4, 87
	.word 0x80009440, 103
	.word 0x800094d0, 124
	.word 0x80009560, 141
	.word 0x800095b0, 151
	.word 0x800095e8, 161
	.word 0x80009614, 174
	.word 0x80009648, 186
	.word 0x80009660, 203
	.word 0x8000966c, 220
	.word 0x8000967c, 241
	.word 0x800096d0, 264
	.word 0x80009700, 276
	.word 0x80009718, 295
	.word 0x800097e4, 308
	.word 0x80009854, 321
	.word 0x8000993c, 340
	.word 0x80009abc, 347
	.word 0x80009ae4, 361
	.word 0x80009b84, 373
	.word 0x80009d04, 379
	.word 0x80009d24, 396
	.word 0x80009d44, 413
	.word 0x80009d64, 438
	.word 0x80009d84, 459
	.word 0x80009da4, 485
	.word 0x80009df8, 496
	.word 0x80009f6c, 510
	.word 0x8000a05c, 533
	.word 0x8000a0cc, 542
	.word 0x8000a0fc, 550
	.word 0x8000a1a0, 559
	.word 0x8000a1c0, 574
	.word 0x8000a1ec, 589
	.word 0x8000a220, 605
	.word 0x8000a274, 610
	.word 0x8000a318, 621
	.word 0x8000a338, 633
	.word 0x8000a36c, 647
	.word 0x8000a3b0, 658
	.word 0x8000a45c, 671
	.word 0x8000a50c, 694
	.word 0x8000a548, 702
	.word 0x8000a5a0, 711
	.word 0x8000a610, 724
	.word 0x8000a74c, 737
	.word 0x8000a834, 752
	.word 0x8000a8a0, 764
	.word 0x8000a958, 784
	.word 0x8000a9b0, 793
	.word 0x8000ab84, 811
	.word 0x8000ac28, 831
	.word 0x8000ac54, 854
	.word 0x8000ace0, 877
	.word 0x8000adbc, 893
	.word 0x8000ae08, 908
	.word 0x8000ae48, 923
	.word 0x8000ae78, 934
	.word 0x8000aeac, 952
	.word 0x8000aed4, 970
	.word 0x8000aef4, 993
	.word 0x8000af1c, 1003
	.word 0x8000af48, 1022
	.word 0x8000afc8, 1039
	.word 0x8000b0dc, 1061
	.word 0x8000b168, 1085
	.word 0x8000b2e8, 1098
	.word 0x8000b4dc, 1111
	.word 0x8000b5b8, 1131
	.word 0x8000b5fc, 1156
	.word 0x8000b654, 1177
	.word 0x8000b6e8, 1191
	.word 0x8000b774, 1205
	.word 0x8000b7d8, 1219
	.word 0x8000b7f8, 1239
	.word 0x8000b814, 1258
	.word 0x8000b838, 1275
	.word 0x8000b85c, 1293
	.word 0x8000b89c, 1313
	.word 0x8000b940, 1335
	.word 0x8000bb90, 1350
	.word 0x8000bbe8, 1364
	.word 0x8000bc3c, 1378
	.word 0x8000bc64, 1387
	.word 0x8000bc9c, 1400
	.word 0x8000bd10, 1417
	.word 0x8000bd9c, 1433
	.word 0x8000bec8, 1449
	.word 0x8000bf34, 1460
	.word 0x8000bfb0, 1468
	.word 0x8000c06c, 1489
	.word 0x8000c290, 1508
	.word 0x8000c2a8, 1522
	.word 0x8000c2c0, 1533
	.word 0x8000c4b8, 1545
	.word 0x8000c5e4, 1560
	.word 0x8000c610, 1579
	.word 0x8000c70c, 1593
	.word 0x8000c754, 1596
	.word 0x8000c868, 1609
	.word 0x8000c884, 1619
	.word 0x8000c8a8, 1629
	.word 0x8000c8ec, 1642
	.word 0x8000c940, 1652
	.word 0x8000c974, 1665
	.word 0x8000cb0c, 1676
	.word 0x8000cb3c, 1686
	.word 0x8000cbc0, 1699
	.word 0x8000ccf0, 1715
	.word 0x8000ce94, 1724
	.word 0x8000ceac, 1739
	.word 0x8000cf38, 1755
	.word 0x8000cfec, 1766
	.word 0x8000d048, 1779
	.word 0x8000d168, 1793
	.word 0x8000d30c, 1810
	.word 0x8000d390, 1821
	.word 0x8000d3c0, 1833
	.word 0x8000d5ec, 1845
	.word 0x8000d67c, 1863
	.word 0x8000d7b0, 1875
	.word 0x8000d834, 1889
	.word 0x8000d8dc, 1906
	.word 0x8000d934, 1915
	.word 0x8000da9c, 1933
	.word 0x8000daec, 1946
	.word 0x8000db70, 1958
	.word 0x8000dcfc, 1975
	.word 0x8000dd7c, 1986
	.word 0x8000de28, 1999
	.word 0x8000df18, 2015
	.word 0x8000df68, 2033
	.word 0x8000dfb8, 2044
	.word 0x8000e340, 2065
	.word 0x8000e43c, 2089
	.word 0x8000e76c, 2107
	.word 0x8000e7a8, 2124
	.word 0x8000e7d8, 2142
	.word 0x8000e84c, 2148
	.word 0x8000e870, 2156
	.word 0x8000e894, 2170
	.word 0x8000e9bc, 2187
	.word 0x8000ea30, 2202
	.word 0x8000ea84, 2215
	.word 0x8000eaa0, 2225
	.word 0x8000eae4, 2236
	.word 0x8000eb88, 2250
	.word 0x8000ec20, 2261
	.word 0x8000ecb4, 2274
	.word 0x8000ed38, 2289
	.word 0x8000edb8, 2301
	.word 0x8000ee38, 2312
	.word 0x8000eeb4, 2324
	.word 0x8000ef5c, 2333
	.word 0x8000f020, 2337
	.word 0x8000f078, 2346
	.word 0x8000f0a0, 2356
	.word 0x8000f208, 2369
	.word 0x8000f248, 2379
	.word 0x8000f280, 2398
	.word 0x8000f2ec, 2412
	.word 0x8000f318, 2423
	.word 0x8000f334, 2435
	.word 0x8000f354, 2451
	.word 0x8000f3c0, 2460
	.word 0x8000f3e0, 2478
	.word 0x8000f410, 2490
	.word 0x8000f440, 2509
	.word 0x8000f4ac, 2517
	.word 0x8000f560, 2538
	.word 0x8000f5fc, 2556
	.word 0x8000f7b8, 2572
	.word 0x8000f814, 2583
	.word 0x8000f894, 2604
	.word 0x8000f9c8, 2615
	.word 0x8000fa18, 2636
	.word 0x8000fa78, 2646
	.word 0x8000fc6c, 2656
	.word 0x8000fcc4, 2668
	.word 0x8000fd80, 2678
	.word 0x8000fdec, 2690
	.word 0x8000fe20, 2700
	.word 0x8000fe48, 2717
	.word 0x8000feac, 2734
	.word 0x8000ff04, 2755
	.word 0x8000ff68, 2766
	.word 0x8000ff94, 2780
	.word 0x8001001c, 2792
	.word 0x800100dc, 2799
	.word 0x80010110, 2812
	.word 0x80010140, 2825
	.word 0x800101b8, 2831
	.word 0x800101fc, 2838
	.word 0x80010220, 2849
	.word 0x80010318, 2861
	.word 0x80010578, 2872
	.word 0x8001059c, 2887
	.word 0x80010624, 2902
	.word 0x8001063c, 2917
	.word 0x8001069c, 2930
	.word 0x80010ac0, 2943
	.word 0x80010af4, 2952
	.word 0x80010bb4, 2977
	.word 0x80010bdc, 2988
	.word 0x80010c60, 2997
	.word 0x80010c78, 3001
	.word 0x80010cf4, 3009
	.word 0x80010e20, 3018
	.word 0x80010f20, 3033
	.word 0x80011034, 3042
	.word 0x80011048, 3053
	.word 0x80011158, 3060
	.word 0x800111d0, 3070
	.word 0x80011444, 3076
	.word 0x800115c4, 3084
	.word 0x80011658, 3095
	.word 0x800116a8, 3104
	.word 0x800116e0, 3114
	.word 0x80011738, 3127
	.word 0x8001183c, 3135
	.word 0x800119a4, 3142
	.word 0x80011a1c, 3156
	.word 0x80011bc4, 3164
	.word 0x80011bf8, 3171
	.word 0x80011c64, 3180
	.word 0x80011c80, 3196
	.word 0x80011d94, 3211
	.word 0x80011e88, 3218
	.word 0x80011eac, 3228
	.word 0x80011ee0, 3235
	.word 0x80011efc, 3246
	.word 0x80011fc8, 3262
	.word 0x80012010, 3272
	.word 0x80012024, 3277
	.word 0x80012164, 3289
	.word 0x800121b8, 3299
	.word 0x80012220, 3310
	.word 0x800122b4, 3326
	.word 0x80012314, 3344
	.word 0x800123a0, 3357
	.word 0x800123bc, 3367
	.word 0x800123e8, 3376
	.word 0x8001241c, 3384
	.word 0x80012454, 3399
	.word 0x80012484, 3419
	.word 0x800124b4, 3437
	.word 0x800124d4, 3449
	.word 0x80012500, 3467
	.word 0x80012578, 3478
	.word 0x800125d0, 3491
	.word 0x8001260c, 3496
	.word 0x800126bc, 3506
	.word 0x80012778, 3514
	.word 0x8001285c, 3520
	.word 0x800128c0, 3528
	.word 0x80012a20, 3533
	.word 0x80012b88, 3550
	.word 0x80012bac, 3569
	.word 0x80012c18, 3583
	.word 0x80012e5c, 3597
	.word 0x80012fbc, 3606
	.word 0x80012fd0, 3619
	.word 0x80012ff0, 3637
	.word 0x80013080, 3647
	.word 0x800130dc, 3658
	.word 0x8001321c, 3669
	.word 0x800132d0, 3691
	.word 0x80013498, 3712
	.word 0x800134cc, 3729
	.word 0x80013500, 3743
	.word 0x8001352c, 3764
	.word 0x8001354c, 3782
	.word 0x80013660, 3801
	.word 0x800136dc, 3814
	.word 0x800137f0, 3829
	.word 0x80013818, 3842
	.word 0x800138ec, 3854
	.word 0x80013a4c, 3873
	.word 0x80013b40, 3885
	.word 0x80013be4, 3901
	.word 0x80013c48, 3917
	.word 0x80013cac, 3933
	.word 0x80013d58, 3951
	.word 0x80013f38, 3970
	.word 0x800140bc, 3987
	.word 0x800141a0, 4007
	.word 0x800141e4, 4018
	.word 0x80014200, 4032
	.word 0x80014210, 4052
	.word 0x80014220, 4070
	.word 0x8001423c, 4076
	.word 0x80014384, 4085
	.word 0x800143cc, 4104
	.word 0x800143ec, 4114
	.word 0x80014470, 4128
	.word 0x800144e0, 4144
	.word 0x80014510, 4161
	.word 0x80014544, 4178
	.word 0x80014584, 4196
	.word 0x800145a4, 4208
	.word 0x800145c4, 4223
	.word 0x800145cc, 4238
	.word 0x800145d8, 4254
	.word 0x800145e0, 4269
	.word 0x800145e8, 4284
	.word 0x800145fc, 4298
	.word 0x80014610, 4312
	.word 0x80014628, 4319
	.word 0x80014640, 4326
	.word 0x80014670, 4339
	.word 0x800146c4, 4359
	.word 0x80014810, 4372
	.word 0x8001483c, 4385
	.word 0x80014924, 4396
	.word 0x80014950, 4409
	.word 0x80014a14, 4424
	.word 0x80014a30, 4435
	.word 0x80014a54, 4445
	.word 0x80014ae8, 4458
	.word 0x80014b80, 4475
	.word 0x80014c00, 4489
	.word 0x80014da4, 4503
	.word 0x80014e7c, 4509
	.word 0x80014ed4, 4519
	.word 0x80014f30, 4531
	.word 0x80014f84, 4541
	.word 0x80014fec, 4552
	.word 0x80015090, 4564
	.word 0x800150c8, 4577
	.word 0x80015128, 4594
	.word 0x80015170, 4603
	.word 0x800151a8, 4616
	.word 0x8001536c, 4626
	.word 0x800153c0, 4651
	.word 0x80015418, 4663
	.word 0x80015554, 4673
	.word 0x80015574, 4685
	.word 0x80015630, 4700
	.word 0x80015660, 4713
	.word 0x80015698, 4734
	.word 0x80015700, 4746
	.word 0x800157dc, 4760
	.word 0x80015830, 4775
	.word 0x80015848, 4785
	.word 0x80015890, 4796
	.word 0x800158e4, 4809
	.word 0x80015980, 4823
	.word 0x800159c0, 4834
	.word 0x80015a10, 4840
	.word 0x80015ba0, 4851
	.word 0x80015c98, 4863
	.word 0x80015cd8, 4874
	.word 0x80015d00, 4893
	.word 0x80015d28, 4904
	.word 0x80015d64, 4919
	.word 0x80015de8, 4930
	.word 0x80015e48, 4945
	.word 0x80015e88, 4958
	.word 0x80016180, 4971
	.word 0x8001623c, 4984
	.word 0x80016418, 4998
	.word 0x80016490, 5013
	.word 0x80016570, 5024
	.word 0x800165a8, 5041
	.word 0x800165c8, 5051
	.word 0x80016738, 5066
	.word 0x8001680c, 5081
	.word 0x8001683c, 5094
	.word 0x800168e8, 5109
	.word 0x80016908, 5123
	.word 0x80016928, 5137
	.word 0x80016970, 5150
	.word 0x800169a0, 5157
	.word 0x800169dc, 5166
	.word 0x80016ba0, 5178
	.word 0x80016c18, 5193
	.word 0x800171fc, 5205
	.word 0x8001725c, 5217
	.word 0x800172d8, 5229
	.word 0x800174f0, 5234
	.word 0x80017530, 5246
	.word 0x80017604, 5258
	.word 0x8001762c, 5272
	.word 0x80017644, 5285
	.word 0x80017668, 5298
	.word 0x80017680, 5314
	.word 0x800176d8, 5327
	.word 0x80017778, 5347
	.word 0x8001784c, 5353
	.word 0x800179d0, 5374
	.word 0x80017c14, 5387
	.word 0x80017ebc, 5400
	.word 0x80017ef0, 5414
	.word 0x80017f74, 5427
	.word 0x80018004, 5447
	.word 0x80018044, 5461
	.word 0x8001809c, 5478
	.word 0x8001810c, 5497
	.word 0x80018174, 5513
	.word 0x80018324, 5526
	.word 0x800183e8, 5531
	.word 0x80018480, 5544
	.word 0x800184b8, 5552
	.word 0x80018548, 5561
	.word 0x80018730, 5580
	.word 0x800187a4, 5593
	.word 0x80018870, 5621
	.word 0x80018890, 5635
	.word 0x800188ac, 5640
	.word 0x800188c0, 5649
	.word 0x800188e0, 5660
	.word 0x80018918, 5672
	.word 0x80018930, 5684
	.word 0x800189e0, 5698
	.word 0x80018a08, 5710
	.word 0x80018a2c, 5718
	.word 0x80018af8, 5726
	.word 0x80018b10, 5737
	.word 0x80018d0c, 5747
	.word 0x80018d90, 5758
	.word 0x80018e34, 5772
	.word 0x80018f04, 5785
	.word 0x80018f18, 5801
	.word 0x80019028, 5813
	.word 0x80019198, 5825
	.word 0x800191c4, 5845
	.word 0x800191f0, 5872
	.word 0x80019224, 5892
	.word 0x800192b4, 5906
	.word 0x80019328, 5924
	.word 0x800193dc, 5941
	.word 0x80019408, 5953
	.word 0x8001944c, 5962
	.word 0x800194fc, 5972
	.word 0x80019550, 5982
	.word 0x80019578, 5995
	.word 0x800195a4, 6007
	.word 0x800197b0, 6018
	.word 0x800198ac, 6036
	.word 0x800199d0, 6046
	.word 0x80019b18, 6055
	.word 0x80019b44, 6065
	.word 0x80019b94, 6076
	.word 0x80019bb8, 6093
	.word 0x80019bdc, 6112
	.word 0x80019bf8, 6130
	.word 0x80019c14, 6148
	.word 0x80019c28, 6165
	.word 0x80019c3c, 6179
	.word 0x80019d54, 6191
	.word 0x80019d90, 6203
	.word 0x80019db0, 6215
	.word 0x80019dec, 6226
	.word 0x80019e48, 6237
	.word 0x80019e68, 6248
	.word 0x80019e94, 6268
	.word 0x80019f00, 6278
	.word 0x80019f6c, 6287
	.word 0x80019fc8, 6302
	.word 0x8001a108, 6316
	.word 0x8001a1dc, 6330
	.word 0x8001a2f8, 6340
	.word 0x8001a320, 6350
	.word 0x8001a338, 6364
	.word 0x8001a3ac, 6375
	.word 0x8001a3d4, 6386
	.word 0x8001a480, 6403
	.word 0x8001a508, 6423
	.word 0x8001a570, 6433
	.word 0x8001a5bc, 6447
	.word 0x8001a644, 6469
	.word 0x8001a6c8, 6481
	.word 0x8001a6ec, 6493
	.word 0x8001a704, 6505
	.word 0x8001a720, 6517
	.word 0x8001a7b0, 6532
	.word 0x8001a838, 6546
	.word 0x8001a864, 6562
	.word 0x8001a984, 6580
	.word 0x8001aa34, 6600
	.word 0x8001aa58, 6609
	.word 0x8001aa74, 6614
	.word 0x8001aa98, 6622
	.word 0x8001aacc, 6630
	.word 0x8001ab4c, 6637
	.word 0x8001abb4, 6646
	.word 0x8001ac18, 6656
	.word 0x8001ad40, 6663
	.word 0x8001ad64, 6673
	.word 0x8001ad88, 6684
	.word 0x8001ae64, 6692
	.word 0x8001ae7c, 6701
	.word 0x8001ae9c, 6712
	.word 0x8001aebc, 6722
	.word 0x8001af6c, 6727
	.word 0x8001b054, 6737
	.word 0x8001b0cc, 6748
	.word 0x8001b164, 6760
	.word 0x8001b21c, 6771
	.word 0x8001b270, 6783
	.word 0x8001b39c, 6793
	.word 0x8001b3e0, 6804
	.word 0x8001b424, 6816
	.word 0x8001b46c, 6830
	.word 0x8001b554, 6840
	.word 0x8001b5b0, 6855
	.word 0x8001b68c, 6867
	.word 0x8001b6a4, 6880
	.word 0x8001b6c8, 6895
	.word 0x8001b724, 6905
	.word 0x8001b784, 6916
	.word 0x8001b7e8, 6930
	.word 0x8001b84c, 6941
	.word 0x8001b8a4, 6951
	.word 0x8001b928, 6962
	.word 0x8001b994, 6970
	.word 0x8001ba30, 6977
	.word 0x8001ba80, 6986
	.word 0x8001bacc, 6995
	.word 0x8001bbf4, 7007
	.word 0x8001bd10, 7017
	.word 0x8001bd2c, 7026
	.word 0x8001bd48, 7036
	.word 0x8001bda4, 7046
	.word 0x8001c060, 7055
	.word 0x8001c078, 7072
	.word 0x8001c094, 7087
	.word 0x8001c0b0, 7103
	.word 0x8001c100, 7112
	.word 0x8001c120, 7121
	.word 0x8001c178, 7130
	.word 0x8001c198, 7141
	.word 0x8001c1fc, 7152
	.word 0x8001c21c, 7160
	.word 0x8001c268, 7169
	.word 0x8001c2a8, 7183
	.word 0x8001c300, 7197
	.word 0x8001c350, 7216
	.word 0x8001c400, 7231
	.word 0x8001c444, 7248
	.word 0x8001c45c, 7258
	.word 0x8001c48c, 7269
	.word 0x8001c4d4, 7279
	.word 0x8001c564, 7289
	.word 0x8001c5b0, 7299
	.word 0x8001c5dc, 7308
	.word 0x8001c5f0, 7317
	.word 0x8001c668, 7324
	.word 0x8001c6ac, 7335
	.word 0x8001c6dc, 7348
	.word 0x8001c73c, 7358
	.word 0x8001c7b0, 7368
	.word 0x8001c88c, 7381
	.word 0x8001c8a4, 7391
	.word 0x8001c8bc, 7406
	.word 0x8001c8d4, 7422
	.word 0x8001c964, 7429
	.word 0x8001c9d8, 7440
	.word 0x8001ca14, 7448
	.word 0x8001cea8, 7467
	.word 0x8001d064, 7484
	.word 0x8001d07c, 7497
	.word 0x8001d0c0, 7505
	.word 0x8001d27c, 7516
	.word 0x8001d2d0, 7529
	.word 0x8001d5c0, 7539
	.word 0x8001d6a0, 7549
	.word 0x8001d6b8, 7562
	.word 0x8001d704, 7577
	.word 0x8001d918, 7595
	.word 0x8001d960, 7609
	.word 0x8001da90, 7619
	.word 0x8001dc30, 7629
	.word 0x8001dcf4, 7643
	.word 0x8001df8c, 7652
	.word 0x8001e0f0, 7661
	.word 0x8001e1e4, 7674
	.word 0x8001e284, 7684
	.word 0x8001e2bc, 7695
	.word 0x8001e400, 7715
	.word 0x8001e420, 7726
	.word 0x8001e43c, 7734
	.word 0x8001e458, 7742
	.word 0x8001e574, 7752
	.word 0x8001e734, 7763
	.word 0x8001e778, 7773
	.word 0x8001e7ac, 7787
	.word 0x8001e7ec, 7802
	.word 0x8001e838, 7822
	.word 0x8001e89c, 7839
	.word 0x8001e900, 7857
	.word 0x8001e918, 7867
	.word 0x8001ea08, 7879
	.word 0x8001eb04, 7893
	.word 0x8001ec38, 7903
	.word 0x8001ec6c, 7915
	.word 0x8001ec98, 7921
	.word 0x8001ecd8, 7930
	.word 0x8001ed1c, 7940
	.word 0x8001edc8, 7950
	.word 0x8001ee14, 7961
	.word 0x8001eef8, 7971
	.word 0x8001ef1c, 7980
	.word 0x8001f014, 7992
	.word 0x8001f08c, 8004
	.word 0x8001f5a8, 8010
	.word 0x8001f628, 8025
	.word 0x8001f674, 8040
	.word 0x8001f728, 8052
	.word 0x8001f824, 8067
	.word 0x8001f844, 8078
	.word 0x8001f864, 8097
	.word 0x8001f884, 8112
	.word 0x8001f8a4, 8128
	.word 0x8001f8c4, 8140
	.word 0x8001f944, 8151
	.word 0x8001f970, 8166
	.word 0x8001f9f0, 8177
	.word 0x8001fa4c, 8183
	.word 0x8001fab8, 8196
	.word 0x8001fbac, 8201
	.word 0x8001fec4, 8210
	.word 0x8001fee0, 8221
	.word 0x8001ff08, 8231
	.word 0x800203b0, 8241
	.word 0x80020408, 8250
	.word 0x8002042c, 8259
	.word 0x80020450, 8268
	.word 0x80020470, 8283
	.word 0x8002048c, 8295
	.word 0x800204dc, 8307
	.word 0x80020500, 8313
	.word 0x80020520, 8331
	.word 0x80020564, 8336
	.word 0x800205f4, 8348
	.word 0x80020654, 8367
	.word 0x80020698, 8384
	.word 0x80020738, 8404
	.word 0x80020830, 8422
	.word 0x8002085c, 8434
	.word 0x800208b4, 8457
	.word 0x8002092c, 8469
	.word 0x8002099c, 8488
	.word 0x80020a64, 8493
	.word 0x80020a90, 8505
	.word 0x80020ac4, 8513
	.word 0x80020ad8, 8520
	.word 0x80020b78, 8534
	.word 0x80020d4c, 8545
	.word 0x800210dc, 8560
	.word 0x800212b0, 8584
	.word 0x80021410, 8610
	.word 0x80021490, 8635
	.word 0x80021588, 8660
	.word 0x800216e0, 8668
	.word 0x800216fc, 8692
	.word 0x80021714, 8713
	.word 0x80021964, 8725
	.word 0x800219ac, 8739
	.word 0x800219c8, 8749
	.word 0x80021ac4, 8763
	.word 0x80021adc, 8771
	.word 0x80021b88, 8786
	.word 0x80021bd4, 8791
	.word 0x80021c1c, 8808
	.word 0x80021c64, 8823
	.word 0x80021df8, 8832
	.word 0x80021e20, 8841
	.word 0x80021ff4, 8850
	.word 0x80022014, 8861
	.word 0x80022040, 8872
	.word 0x80022188, 8888
	.word 0x800221bc, 8903
	.word 0x800221f0, 8916
	.word 0x80022270, 8938
	.word 0x800222cc, 8952
	.word 0x80022310, 8970
	.word 0x80022354, 8986
	.word 0x8002235c, 9000
	.word 0x8002237c, 9013
	.word 0x800223d0, 9026
	.word 0x80022424, 9044
	.word 0x80022480, 9062
	.word 0x800224c0, 9076
	.word 0x80022618, 9089
	.word 0x800226f8, 9106
	.word 0x80022764, 9129
	.word 0x800227a4, 9156
	.word 0x800227f4, 9167
	.word 0x8002284c, 9190
	.word 0x800228a4, 9212
	.word 0x800228c4, 9222
	.word 0x800228e0, 9229
	.word 0x80022950, 9247
	.word 0x800229d8, 9261
	.word 0x80022a4c, 9271
	.word 0x80022aa4, 9283
	.word 0x80022b04, 9302
	.word 0x80022b20, 9316
	.word 0x80022b40, 9336
	.word 0x80022b6c, 9350
	.word 0x80022c34, 9361
	.word 0x80022c54, 9374
	.word 0x80022cc4, 9383
	.word 0x80022dac, 9391
	.word 0x80022e4c, 9407
	.word 0x80022f50, 9416
	.word 0x80023010, 9431
	.word 0x800230e8, 9442
	.word 0x8002311c, 9454
	.word 0x800231e8, 9463
	.word 0x800232d0, 9479
	.word 0x8002333c, 9502
	.word 0x800233c4, 9514
	.word 0x8002340c, 9531
	.word 0x80023474, 9547
	.word 0x800234c8, 9563
	.word 0x800235dc, 9582
	.word 0x800235fc, 9596
	.word 0x80023628, 9612
	.word 0x80023674, 9630
	.word 0x80023694, 9641
	.word 0x800236c8, 9660
	.word 0x800236fc, 9678
	.word 0x80023728, 9704
	.word 0x8002375c, 9724
	.word 0x8002378c, 9749
	.word 0x800237bc, 9779
	.word 0x800237ec, 9796
	.word 0x80023828, 9809
	.word 0x80023870, 9825
	.word 0x800238b8, 9843
	.word 0x800238f8, 9857
	.word 0x80023928, 9873
	.word 0x80023984, 9895
	.word 0x800239a4, 9905
	.word 0x80023a00, 9918
	.word 0x80023a4c, 9934
	.word 0x80023a8c, 9952
	.word 0x80023abc, 9965
	.word 0x80023af0, 9974
	.word 0x80023b10, 9985
	.word 0x80023bd0, 9994
	.word 0x80023bf0, 10008
	.word 0x80023c74, 10023
	.word 0x80023d88, 10041
	.word 0x80023ddc, 10058
	.word 0x80023e34, 10071
	.word 0x80023e54, 10086
	.word 0x80023ef8, 10104
	.word 0x80023f14, 10113
	.word 0x80023f48, 10127
	.word 0x80023f64, 10141
	.word 0x80023f84, 10150
	.word 0x80023fbc, 10160
	.word 0x80023fec, 10172
	.word 0x80024018, 10191
	.word 0x8002428c, 10206
	.word 0x80024558, 10215
	.word 0x800245c0, 10225
	.word 0x8002464c, 10241
	.word 0x800247e0, 10258
	.word 0x80024904, 10273
	.word 0x800249a4, 10289
	.word 0x80024b3c, 10309
	.word 0x80024c1c, 10326
	.word 0x80024c84, 10342
	.word 0x80024cec, 10362
	.word 0x80024df8, 10385
	.word 0x80024e84, 10409
	.word 0x80024ee8, 10424
	.word 0x80024f70, 10447
	.word 0x80024fbc, 10458
	.word 0x8002500c, 10472
	.word 0x8002505c, 10482
	.word 0x800250c0, 10502
	.word 0x80025110, 10518
	.word 0x80025220, 10535
	.word 0x8002548c, 10559
	.word 0x800255a0, 10580
	.word 0x80025714, 10603
	.word 0x80025788, 10623
	.word 0x800257b4, 10634
	.word 0x800257e4, 10647
	.word 0x80025870, 10664
	.word 0x80025904, 10679
	.word 0x800259dc, 10693
	.word 0x80026098, 10703
	.word 0x800260b8, 10714
	.word 0x800261d4, 10722
	.word 0x80026208, 10736
	.word 0x80026254, 10755
	.word 0x8002629c, 10771
	.word 0x800262bc, 10793
	.word 0x80026408, 10800
	.word 0x80026474, 10826
	.word 0x800264cc, 10849
	.word 0x800264ec, 10858
	.word 0x80026508, 10869
	.word 0x80026554, 10879
	.word 0x8002656c, 10896
	.word 0x800265b4, 10914
	.word 0x800265d4, 10932
	.word 0x800265f8, 10949
	.word 0x80026660, 10969
	.word 0x80026690, 10979
	.word 0x800266d0, 10990
	.word 0x80026728, 11000
	.word 0x80026760, 11010
	.word 0x80026778, 11027
	.word 0x8002680c, 11043
	.word 0x800269b4, 11056
	.word 0x80026a38, 11075
	.word 0x80026bc8, 11088
	.word 0x80027004, 11102
	.word 0x800270f4, 11117
	.word 0x80027214, 11138
	.word 0x8002722c, 11154
	.word 0x800275a4, 11170
	.word 0x80027694, 11185
	.word 0x800277cc, 11201
	.word 0x80027930, 11220
	.word 0x80027948, 11238
	.word 0x80027a20, 11248
	.word 0x80027a48, 11270
	.word 0x80027a94, 11287
	.word 0x80027c00, 11303
	.word 0x80027c4c, 11323
	.word 0x80027d58, 11340
	.word 0x80028058, 11357
	.word 0x80028084, 11373
	.word 0x80028340, 11383
	.word 0x800283b0, 11398
	.word 0x8002842c, 11415
	.word 0x80028710, 11429
	.word 0x80028750, 11438
	.word 0x8002879c, 11463
	.word 0x8002882c, 11477
	.word 0x800288ec, 11500
	.word 0x80028a34, 11517
	.word 0x80028a6c, 11526
	.word 0x80028aa0, 11531
	.word 0x80028b00, 11544
	.word 0x80028bfc, 11553
	.word 0x80028d58, 11561
	.word 0x80028ea8, 11576
	.word 0x80028ee0, 11598
	.word 0x80028fa8, 11613
	.word 0x80028fe4, 11626
	.word 0x80029014, 11649
	.word 0x80029034, 11668
	.word 0x80029054, 11686
	.word 0x800290d0, 11698
	.word 0x80029148, 11710
	.word 0x800291fc, 11727
	.word 0x80029264, 11746
	.word 0x80029320, 11763
	.word 0x80029388, 11782
	.word 0x800293fc, 11799
	.word 0x800294a0, 11813
	.word 0x800294f8, 11824
	.word 0x8002955c, 11835
	.word 0x800295cc, 11847
	.word 0x80029778, 11852
	.word 0x80029874, 11859
	.word 0x800298cc, 11876
	.word 0x80029928, 11889
	.word 0x800299f0, 11903
	.word 0x80029ac4, 11917
	.word 0x80029b5c, 11932
	.word 0x80029fb4, 11944
	.word 0x8002a0fc, 11960
	.word 0x8002a5c0, 11978
	.word 0x8002a5e8, 11996
	.word 0x8002a624, 12014
	.word 0x8002aa7c, 12025
	.word 0x8002b758, 12045
	.word 0x8002b968, 12054
	.word 0x8002c030, 12067
	.word 0x8002c0e4, 12079
	.word 0x8002c5c8, 12090
	.word 0x8002c6ec, 12098
	.word 0x8002cc8c, 12104
	.word 0x8002cce0, 12117
	.word 0x8002cd84, 12131
	.word 0x8002cea0, 12147
	.word 0x8002db14, 12159
	.word 0x8002dc38, 12173
	.word 0x8002dd58, 12190
	.word 0x8002de10, 12202
	.word 0x8002de40, 12219
	.word 0x8002de80, 12238
	.word 0x8002de9c, 12257
	.word 0x8002defc, 12275
	.word 0x8002df80, 12291
	.word 0x8002e004, 12299
	.word 0x8002e088, 12308
	.word 0x8002e104, 12327
	.word 0x8002e188, 12346
	.word 0x8002e1f0, 12355
	.word 0x8002e288, 12375
	.word 0x8002e2ac, 12395
	.word 0x8002e2fc, 12408
	.word 0x8002e358, 12418
	.word 0x8002e748, 12429
	.word 0x8002e7c8, 12441
	.word 0x8002e858, 12454
	.word 0x8002e898, 12463
	.word 0x8002e8c0, 12474
	.word 0x8002e944, 12484
	.word 0x8002e9d0, 12501
	.word 0x8002ea08, 12520
	.word 0x8002ea34, 12540
	.word 0x8002eb40, 12559
	.word 0x8002ec20, 12578
	.word 0x8002ec64, 12608
	.word 0x8002ec88, 12624
	.word 0x8002edbc, 12646
	.word 0x8002ee38, 12665
	.word 0x8002eebc, 12684
	.word 0x8002ef10, 12696
	.word 0x8002ef9c, 12714
	.word 0x8002eff4, 12731
	.word 0x8002f0a0, 12752
	.word 0x8002f324, 12771
	.word 0x8002f57c, 12789
	.word 0x8002f5f4, 12801
	.word 0x8002f728, 12817
	.word 0x8002f8b4, 12829
	.word 0x8002f91c, 12845
	.word 0x8002f970, 12861
	.word 0x8002f990, 12879
	.word 0x8002f9dc, 12890
	.word 0x8002fe50, 12909
	.word 0x8002fe78, 12920
	.word 0x8002fed0, 12936
	.word 0x8002ff4c, 12956
	.word 0x8002ffb0, 12978
	.word 0x80030088, 12998
	.word 0x800300cc, 13014
	.word 0x80030128, 13030
	.word 0x8003015c, 13048
	.word 0x80030188, 13060
	.word 0x800301c4, 13072
	.word 0x800301e4, 13080
	.word 0x80030228, 13092
	.word 0x8003029c, 13100
	.word 0x80030304, 13112
	.word 0x80030348, 13131
	.word 0x800303bc, 13139
	.word 0x80030450, 13145
	.word 0x8003048c, 13161
	.word 0x800304d4, 13167
	.word 0x80030608, 13180
	.word 0x800306f4, 13189
	.word 0x80030870, 13199
	.word 0x800308fc, 13213
	.word 0x80030ae4, 13223
	.word 0x80030db0, 13234
	.word 0x80030ed4, 13247
	.word 0x80030f30, 13268
	.word 0x80030fb4, 13285
	.word 0x80031040, 13301
	.word 0x80031090, 13308
	.word 0x800312e8, 13317
	.word 0x8003156c, 13331
	.word 0x800315d8, 13343
	.word 0x80031708, 13355
	.word 0x800317fc, 13368
	.word 0x8003186c, 13379
	.word 0x80031b14, 13386
	.word 0x80031b40, 13402
	.word 0x80031b60, 13417
	.word 0x80031cc0, 13440
	.word 0x80031f98, 13460
	.word 0x8003207c, 13489
	.word 0x800321e4, 13510
	.word 0x800322c4, 13536
	.word 0x8003230c, 13569
	.word 0x800324dc, 13594
	.word 0x80032518, 13625
	.word 0x800325f4, 13644
	.word 0x800326a8, 13664
	.word 0x80032914, 13694
	.word 0x80032964, 13718
	.word 0x8003296c, 13738
	.word 0x80032b10, 13775
	.word 0x80032c34, 13812
	.word 0x80032d80, 13844
	.word 0x80032f00, 13875
	.word 0x800331a8, 13913
	.word 0x800331f4, 13937
	.word 0x800334f0, 13977
	.word 0x80033568, 13990
	.word 0x80033938, 14032
	.word 0x80033954, 14044
	.word 0x80033984, 14058
	.word 0x80033ae8, 14093
	.word 0x80033cb8, 14125
	.word 0x80034028, 14163
	.word 0x8003404c, 14181
	.word 0x8003405c, 14199
	.word 0x8003406c, 14217
	.word 0x80034398, 14245
	.word 0x8003448c, 14273
	.word 0x800346bc, 14303
	.word 0x800346c8, 14328
	.word 0x800346e0, 14348
	.word 0x800346f0, 14370
	.word 0x80034708, 14392
	.word 0x80034754, 14408
	.word 0x80034788, 14419
	.word 0x80034804, 14435
	.word 0x80035324, 14470
	.word 0x80035c90, 14514
	.word 0x80035e24, 14542
	.word 0x80035fa4, 14570
	.word 0x800360c8, 14607
	.word 0x800361a4, 14634
	.word 0x80036244, 14667
	.word 0x800362a8, 14683
	.word 0x800362bc, 14697
	.word 0x80036670, 14736
	.word 0x80036b0c, 14770
	.word 0x80036bcc, 14789
	.word 0x80036e34, 14826
	.word 0x80036fa0, 14864
	.word 0x800370e8, 14892
	.word 0x80037110, 14901
	.word 0x800371f4, 14940
	.word 0x80037274, 14981
	.word 0x80037358, 15003
	.word 0x800373c0, 15024
	.word 0x8003741c, 15032
	.word 0x800374b8, 15036
	.word 0x80037504, 15045
	.word 0x800376bc, 15079
	.word 0x80037870, 15112
	.word 0x800379f4, 15141
	.word 0x80037a70, 15154
	.word 0x80037be8, 15188
	.word 0x80037d80, 15224
	.word 0x8003803c, 15254
	.word 0x80038228, 15286
	.word 0x8003854c, 15331
	.word 0x800385d0, 15344
	.word 0x800385ec, 15359
	.word 0x800386ac, 15363
	.word 0x800386e4, 15374
	.word 0x80038914, 15418
	.word 0x80038a50, 15429
	.word 0x80038c28, 15461
	.word 0x80038ec8, 15504
	.word 0x80038fc8, 15552
	.word 0x80039288, 15589
	.word 0x80039448, 15626
	.word 0x80039798, 15672
	.word 0x80039850, 15684
	.word 0x80039920, 15694
	.word 0x80039b8c, 15740
	.word 0x80039e18, 15786
	.word 0x8003a214, 15817
	.word 0x8003a4c4, 15855
	.word 0x8003a50c, 15863
	.word 0x8003a578, 15872
	.word 0x8003a5c4, 15877
	.word 0x8003aec0, 15919
	.word 0x8003b0d4, 15952
	.word 0x8003b3c8, 15994
	.word 0x8003b720, 16021
	.word 0x8003ba58, 16067
	.word 0x8003bc74, 16110
	.word 0x8003bda0, 16144
	.word 0x8003bf50, 16167
	.word 0x8003c140, 16190
	.word 0x8003c284, 16232
	.word 0x8003c3dc, 16260
	.word 0x8003c438, 16290
	.word 0x8003c6ac, 16320
	.word 0x8003c6dc, 16333
	.word 0x8003c914, 16366
	.word 0x8003c94c, 16376
	.word 0x8003ca00, 16388
	.word 0x8003ca3c, 16394
	.word 0x8003cb1c, 16403
	.word 0x8003cba8, 16410
	.word 0x8003cbbc, 16423
	.word 0x8003cbd0, 16431
	.word 0x8003ce08, 16474
	.word 0x8003ceb4, 16497
	.word 0x8003d094, 16545
	.word 0x8003d154, 16557
	.word 0x8003d3b4, 16588
	.word 0x8003d3fc, 16599
	.word 0x8003d598, 16633
	.word 0x8003d5b8, 16641
	.word 0x8003d8c4, 16652
	.word 0x8003da50, 16664
	.word 0x8003db30, 16671
	.word 0x8003ddac, 16713
	.word 0x8003dfd0, 16756
	.word 0x8003e018, 16766
	.word 0x8003e088, 16779
	.word 0x8003e0b8, 16785
	.word 0x8003e128, 16793
	.word 0x8003e698, 16840
	.word 0x8003e73c, 16867
	.word 0x8003e8dc, 16900
	.word 0x8003e8f8, 16909
	.word 0x8003e920, 16916
	.word 0x8003e980, 16928
	.word 0x8003e9f0, 16946
	.word 0x8003eb30, 16959
	.word 0x8003ecc0, 16970
	.word 0x8003ecf8, 16974
	.word 0x8003ee44, 16995
	.word 0x8003f214, 17022
	.word 0x8003fa0c, 17056
	.word 0x8003fd40, 17085
	.word 0x800401c4, 17111
	.word 0x800405d4, 17144
	.word 0x800405ec, 17154
	.word 0x8004064c, 17166
	.word 0x800406bc, 17179
	.word 0x8004072c, 17191
	.word 0x8004075c, 17209
	.word 0x80040d64, 17235
	.word 0x800411ec, 17266
	.word 0x800416a0, 17284
	.word 0x800419c8, 17310
	.word 0x80041d9c, 17346
	.word 0x80042140, 17377
	.word 0x80042824, 17411
	.word 0x80042c34, 17448
	.word 0x80043030, 17472
	.word 0x800436d0, 17498
	.word 0x80043990, 17529
	.word 0x80043a34, 17556
	.word 0x80043a84, 17564
	.word 0x80044234, 17590
	.word 0x8004438c, 17611
	.word 0x800443c8, 17654
	.word 0x800444b0, 17672
	.word 0x8004451c, 17685
	.word 0x800445e4, 17719
	.word 0x80044600, 17755
	.word 0x80044674, 17790
	.word 0x800446e4, 17824
	.word 0x80044724, 17832
	.word 0x8004473c, 17850
	.word 0x80044760, 17864
	.word 0x80044d78, 17910
	.word 0x80044e5c, 17939
	.word 0x80044ea8, 17955
	.word 0x80044ec8, 17970
	.word 0x8004531c, 18007
	.word 0x8004535c, 18020
	.word 0x80045414, 18029
	.word 0x80045490, 18048
	.word 0x80045894, 18086
	.word 0x800460d4, 18120
	.word 0x80046148, 18132
	.word 0x800461a4, 18148
	.word 0x80046410, 18179
	.word 0x80046568, 18211
	.word 0x800466e8, 18249
	.word 0x80046af0, 18277
	.word 0x80046d54, 18307
	.word 0x80046f38, 18337
	.word 0x80047170, 18374
	.word 0x800471d4, 18389
	.word 0x8004755c, 18418
	.word 0x80047788, 18447
	.word 0x80047e8c, 18481
	.word 0x80048314, 18517
	.word 0x800483b4, 18533
	.word 0x800483e4, 18550
	.word 0x80048404, 18559
	.word 0x8004842c, 18573
	.word 0x80048530, 18586
	.word 0x80048534, 18600
	.word 0x80048540, 18608
	.word 0x800485e0, 18615
	.word 0x80048680, 18622
	.word 0x80048aa0, 18629
	.word 0x80048b9c, 18637
	.word 0x80048c44, 18644
	.word 0x80048cc8, 18657
	.word 0x80048d54, 18667
	.word 0x80048e48, 18674
	.word 0x8004911c, 18681
	.word 0x800491e0, 18688
	.word 0x80049240, 18696
	.word 0x8004931c, 18703
	.word 0x800493a0, 18711
	.word 0x80049414, 18719
	.word 0x80049438, 18727
	.word 0x8004946c, 18734
	.word 0x80049714, 18754
	.word 0x80049888, 18761
	.word 0x80049998, 18778
	.word 0x800499c0, 18788
	.word 0x80049a04, 18797
	.word 0x80049a48, 18804
	.word 0x80049b78, 18827
	.word 0x80049b7c, 18838
	.word 0x80049b98, 18848
	.word 0x80049bb4, 18856
	.word 0x80049c2c, 18867
	.word 0x80049c9c, 18881
	.word 0x80049d60, 18892
	.word 0x80049e5c, 18904
	.word 0x8004a090, 18918
	.word 0x8004a1ac, 18933
	.word 0x8004a4a4, 18943
	.word 0x8004a4c8, 18951
	.word 0x8004a578, 18959
	.word 0x8004a634, 18969
	.word 0x8004a684, 18980
	.word 0x8004a6ac, 18988
	.word 0x8004a6b0, 19002
	.word 0x8004a6b4, 19018
	.word 0x8004a6c8, 19040
	.word 0x8004a710, 19053
	.word 0x8004a7e0, 19068
	.word 0x8004aa3c, 19078
	.word 0x8004aa58, 19095
	.word 0x8004aa60, 19113
	.word 0x8004aa68, 19132
ksyms_table_names:
	.asciz "vectors_start"
	.asciz "corrupted"
	.asciz "report"
	.asciz "drop_list"
	.asciz "quick_cut"
	.asciz "start_high"
	.asciz "secondary_high"
	.asciz "entry_svc"
	.asciz "entry_undefined"
	.asciz "entry_prefetch_abort"
	.asciz "entry_data_abort"
	.asciz "entry_irq"
	.asciz "entry_fiq"
	.asciz "entry_unused"
	.asciz "trap_return"
	.asciz "trap_return_user"
	.asciz "exception_return"
	.asciz "exception_return_fiq"
	.asciz "save_interrupted_sp_lr"
	.asciz "fault_catch"
	.asciz "fault_catch_resume"
	.asciz "console_init"
	.asciz "loader_guess"
	.asciz "banner_entry_state"
	.asciz "banner"
	.asciz "banner_layout"
	.asciz "memory_init"
	.asciz "kmain"
	.asciz "console_set_sink"
	.asciz "console_get_sink"
	.asciz "console_set_comment_mode"
	.asciz "console_comment_mode"
	.asciz "console_first_byte_cycles"
	.asciz "sink_write"
	.asciz "console_write"
	.asciz "console_write_tap_line"
	.asciz "kvprintf"
	.asciz "kprintf"
	.asciz "panic_at"
	.asciz "fatal_set_hook"
	.asciz "fatal_stopping"
	.asciz "reset_svc_stack"
	.asciz "halt"
	.asciz "fatal_stop"
	.asciz "ksyms_count"
	.asciz "ksyms_address"
	.asciz "ksyms_name"
	.asciz "ksyms_lookup"
	.asciz "backtrace_kernel_stack"
	.asciz "in_text"
	.asciz "on_stack"
	.asciz "check_record"
	.asciz "walk_records"
	.asciz "frame_shape_at"
	.asciz "call_target"
	.asciz "frame_shape_confirm"
	.asciz "stack_of"
	.asciz "backtrace_collect"
	.asciz "collect_from_record"
	.asciz "backtrace_collect_here"
	.asciz "backtrace_format_frame"
	.asciz "backtrace_print"
	.asciz "backtrace_from"
	.asciz "backtrace_here"
	.asciz "error_name"
	.asciz "fault_set_handler"
	.asciz "fault_get_handler"
	.asciz "fault_set_user_handler"
	.asciz "from_user"
	.asciz "fault_catch_cancel"
	.asciz "fault_catch_take"
	.asciz "exception_print_frame"
	.asciz "describe_stack_overflow"
	.asciz "fault_report"
	.asciz "fault_handle"
	.asciz "exception_undefined"
	.asciz "exception_prefetch_abort"
	.asciz "exception_data_abort"
	.asciz "exception_svc"
	.asciz "exception_irq"
	.asciz "exception_fiq"
	.asciz "exception_fiq_count"
	.asciz "exception_last_fiq"
	.asciz "exception_unused"
	.asciz "fault_status_code"
	.asciz "fault_status_decode"
	.asciz "fault_status_describe"
	.asciz "fault_describe"
	.asciz "psr_mode_name"
	.asciz "semihost_exit"
	.asciz "bail_out"
	.asciz "report_place"
	.asciz "ktest_check_true"
	.asciz "ktest_check_u32"
	.asciz "ktest_check_str"
	.asciz "ktest_fail"
	.asciz "matches"
	.asciz "ktest_count_matching"
	.asciz "ktest_run_matching"
	.asciz "ktest_run_all"
	.asciz "big_endian"
	.asciz "parse_atags"
	.asciz "bootargs_parse"
	.asciz "bootargs_kind_name"
	.asciz "cmdline_value"
	.asciz "is"
	.asciz "cmdline_flag"
	.asciz "read_be32"
	.asciz "read_be64"
	.asciz "block_inside"
	.asciz "string_at"
	.asciz "skip_padding"
	.asciz "read_token"
	.asciz "walk_next"
	.asciz "check_rsvmap"
	.asciz "check_structure"
	.asciz "fdt_open"
	.asciz "fdt_total_size"
	.asciz "fdt_reservation"
	.asciz "split_path"
	.asciz "name_matches"
	.asciz "fdt_find_node"
	.asciz "fdt_get_property"
	.asciz "read_cells"
	.asciz "read_number"
	.asciz "read_memory"
	.asciz "read_initrd_bound"
	.asciz "read_chosen"
	.asciz "fdt_read_boot"
	.asciz "walk_next.part.0"
	.asciz "overlaps"
	.asciz "discover_bootargs"
	.asciz "keep_cmdline"
	.asciz "keep_initrd"
	.asciz "read_device_tree"
	.asciz "read_atags"
	.asciz "discover_ram"
	.asciz "cross_check_ram"
	.asciz "platform_byte_sum"
	.asciz "move_range"
	.asciz "platform_move_out_of"
	.asciz "platform_ranges_to_keep"
	.asciz "platform_discover"
	.asciz "newlib_set_arena"
	.asciz "newlib_arena_used"
	.asciz "_sbrk"
	.asciz "in_page"
	.asciz "stack_top_svc"
	.asciz "stack_guard_find"
	.asciz "stack_register"
	.asciz "stack_forget"
	.asciz "this_core"
	.asciz "line_valid"
	.asciz "irq_line_name"
	.asciz "line_route"
	.asciz "irq_register"
	.asciz "irq_unregister"
	.asciz "set_enabled"
	.asciz "irq_enable"
	.asciz "irq_disable"
	.asciz "irq_init"
	.asciz "run"
	.asciz "run_bits"
	.asciz "irq_frame"
	.asciz "irq_dispatch"
	.asciz "irq_count"
	.asciz "irq_spurious_count"
	.asciz "irq_line_info"
	.asciz "this_timer"
	.asciz "timer_count"
	.asciz "timer_frequency"
	.asciz "clock_ns"
	.asciz "timer_ctl_at_init"
	.asciz "timer_ticks"
	.asciz "timer_missed_ticks"
	.asciz "program"
	.asciz "timer_wakeup_changed"
	.asciz "timer_sync_wakeup"
	.asciz "timer_interrupt"
	.asciz "start_tick"
	.asciz "timer_init_secondary"
	.asciz "timer_init"
	.asciz "timer_count_after_us"
	.asciz "kdelay_us"
	.asciz "ksleep_ms"
	.asciz "digit_value"
	.asciz "parse_u32"
	.asciz "split_words"
	.asciz "echo_text"
	.asciz "start_empty_line"
	.asciz "append_character"
	.asciz "erase_last_character"
	.asciz "erase_line"
	.asciz "history_entry"
	.asciz "history_add"
	.asciz "recall"
	.asciz "recall_older"
	.asciz "recall_newer"
	.asciz "enter"
	.asciz "cancel"
	.asciz "is_control"
	.asciz "feed_escape"
	.asciz "feed_plain"
	.asciz "line_edit_init"
	.asciz "line_edit_feed"
	.asciz "line_edit_line"
	.asciz "print_region"
	.asciz "layout_print"
	.asciz "received"
	.asciz "console_start_interrupts"
	.asciz "bad_number"
	.asciz "cmd_help"
	.asciz "mib"
	.asciz "cmd_mem"
	.asciz "cmd_heap"
	.asciz "mapping_owners"
	.asciz "cmd_mmio"
	.asciz "cmd_layout"
	.asciz "cmd_pt"
	.asciz "read_word"
	.asciz "cmd_x"
	.asciz "cmd_irq"
	.asciz "cmd_uptime"
	.asciz "cmd_test"
	.asciz "cmd_bench"
	.asciz "missing_name"
	.asciz "cmd_sys"
	.asciz "cmd_ps"
	.asciz "process_named"
	.asciz "cmd_run"
	.asciz "cmd_sh"
	.asciz "cmd_kill"
	.asciz "print_dump_line"
	.asciz "cmd_pt_process"
	.asciz "cmd_vm"
	.asciz "list_file"
	.asciz "cmd_ls"
	.asciz "cmd_reboot"
	.asciz "console_execute"
	.asciz "read_byte"
	.asciz "echo"
	.asciz "console_run"
	.asciz "spin_lock"
	.asciz "giant_take"
	.asciz "giant_lock_slow"
	.asciz "giant_unlock_slow"
	.asciz "giant_retake"
	.asciz "this_core"
	.asciz "this_cpu"
	.asciz "is_idle"
	.asciz "sched_switches"
	.asciz "sched_core_switches"
	.asciz "sched_core_queued"
	.asciz "sched_cores"
	.asciz "sched_idle_thread"
	.asciz "queue_tail"
	.asciz "queue_remove"
	.asciz "load"
	.asciz "pick_core"
	.asciz "enqueue"
	.asciz "steal"
	.asciz "dequeue"
	.asciz "reap"
	.asciz "sched_wait_quiet"
	.asciz "sched_thread_count"
	.asciz "finish_switch"
	.asciz "switch_locked"
	.asciz "schedule"
	.asciz "thread_yield"
	.asciz "sched_resched_ipi"
	.asciz "idle_loop"
	.asciz "give_stack"
	.asciz "sched_init"
	.asciz "sched_start_secondary"
	.asciz "create_kernel_thread"
	.asciz "thread_create_on"
	.asciz "thread_create"
	.asciz "thread_create_static"
	.asciz "thread_user_frame"
	.asciz "thread_create_user"
	.asciz "thread_start"
	.asciz "thread_started"
	.asciz "thread_entry"
	.asciz "thread_exit"
	.asciz "thread_wait_locked"
	.asciz "thread_wait"
	.asciz "thread_wake_all"
	.asciz "sleepers_insert"
	.asciz "sleepers_remove"
	.asciz "sched_next_wakeup"
	.asciz "thread_sleep_until"
	.asciz "thread_interrupt"
	.asciz "sched_wake_sleepers"
	.asciz "sched_tick"
	.asciz "thread_switch"
	.asciz "thread_start_kernel"
	.asciz "thread_start_user"
	.asciz "field"
	.asciz "fpu_init"
	.asciz "fpu_init_secondary"
	.asciz "fpu_hwcap"
	.asciz "fpu_first_use"
	.asciz "fpu_switch_unit"
	.asciz "fpu_save_current"
	.asciz "fpu_load_current"
	.asciz "fpu_reset_current"
	.asciz "fpu_set_tls"
	.asciz "fpu_first_uses"
	.asciz "fpu_read_fpexc"
	.asciz "fpu_write_fpexc"
	.asciz "fpu_read_mvfr0"
	.asciz "fpu_read_mvfr1"
	.asciz "fpu_save_regs"
	.asciz "fpu_load_regs"
	.asciz "read16"
	.asciz "read32"
	.asciz "range_inside"
	.asciz "read_program_header"
	.asciz "check_header"
	.asciz "power_of_two"
	.asciz "check_load"
	.asciz "segment_prot"
	.asciz "insert_segment"
	.asciz "first_page"
	.asciz "last_page"
	.asciz "check_layout"
	.asciz "entry_executable"
	.asciz "table_address"
	.asciz "read_segments"
	.asciz "parse"
	.asciz "elf_parse"
	.asciz "bytes_equal"
	.asciz "hex_digit"
	.asciz "read_field"
	.asciz "read_header"
	.asciz "skip_padding"
	.asciz "name_well_formed"
	.asciz "byte_sum"
	.asciz "cpio_is_newc"
	.asciz "cpio_next"
	.asciz "cpio_name_without_prefix"
	.asciz "names_equal"
	.asciz "cpio_find"
	.asciz "cursor_over"
	.asciz "next_component"
	.asciz "component_is"
	.asciz "component_is_dot_dot"
	.asciz "name_climbs"
	.asciz "child_in_name"
	.asciz "last_component"
	.asciz "offset_in"
	.asciz "entry_node"
	.asciz "implied_node"
	.asciz "check_archive"
	.asciz "ramfs_open"
	.asciz "check"
	.asciz "find_child"
	.asciz "find_parent"
	.asciz "ramfs_root"
	.asciz "ramfs_is_directory"
	.asciz "is_symlink"
	.asciz "bounded_length"
	.asciz "put_target"
	.asciz "take_component"
	.asciz "nothing_left"
	.asciz "ramfs_lookup"
	.asciz "named_before"
	.asciz "ramfs_readdir"
	.asciz "ramfs_readlink"
	.asciz "ramfs_path"
	.asciz "initramfs_source"
	.asciz "count_one"
	.asciz "initramfs_init"
	.asciz "initramfs_find"
	.asciz "initramfs_fs"
	.asciz "initramfs_list"
	.asciz "process_first"
	.asciz "process_count"
	.asciz "process_find"
	.asciz "resize"
	.asciz "teardown"
	.asciz "add_regions"
	.asciz "argument_bytes"
	.asciz "setup_stack"
	.asciz "list_insert"
	.asciz "list_remove"
	.asciz "load"
	.asciz "start_frame"
	.asciz "new_process"
	.asciz "capture_write"
	.asciz "capture_read"
	.asciz "capture_stat"
	.asciz "capture_release"
	.asciz "capture_open"
	.asciz "open_standard_files"
	.asciz "start"
	.asciz "process_spawn_output"
	.asciz "process_fork"
	.asciz "process_exec"
	.asciz "process_spawn"
	.asciz "process_free"
	.asciz "process_thread_gone"
	.asciz "vfork_release"
	.asciz "process_set_comm"
	.asciz "process_vfork_wait"
	.asciz "process_started"
	.asciz "process_exit"
	.asciz "reap"
	.asciz "process_wait"
	.asciz "is_init"
	.asciz "selected"
	.asciz "process_wait_child"
	.asciz "process_kill"
	.asciz "process_return_to_user_slow"
	.asciz "syscall_count"
	.asciz "self"
	.asciz "sys_exit"
	.asciz "sys_getpid"
	.asciz "sys_getppid"
	.asciz "sys_id_zero"
	.asciz "release_frame"
	.asciz "unmap_piece"
	.asciz "page_up"
	.asciz "sys_brk"
	.asciz "vm_prot_of"
	.asciz "sys_mmap2"
	.asciz "sys_munmap"
	.asciz "protect_piece"
	.asciz "sys_mprotect"
	.asciz "sys_sched_yield"
	.asciz "sleep_until"
	.asciz "clock_sleep"
	.asciz "sys_clock_nanosleep"
	.asciz "sys_clock_nanosleep_time64"
	.asciz "sys_set_robust_list"
	.asciz "sys_nanosleep"
	.asciz "sys_clock_gettime"
	.asciz "sys_bramble_wait"
	.asciz "fork_result"
	.asciz "sys_fork"
	.asciz "sys_clone"
	.asciz "sys_vfork"
	.asciz "copy_strings"
	.asciz "start_errno"
	.asciz "sys_execve"
	.asciz "sys_bramble_spawn"
	.asciz "sys_wait4"
	.asciz "sys_kill"
	.asciz "sys_tkill"
	.asciz "sys_tgkill"
	.asciz "sys_rt_sigaction"
	.asciz "sys_rt_sigprocmask"
	.asciz "sys_rt_sigpending"
	.asciz "sys_rt_sigsuspend"
	.asciz "sys_rt_sigreturn"
	.asciz "sys_sigreturn"
	.asciz "sys_setpgid"
	.asciz "sys_getpgid"
	.asciz "sys_getpgrp"
	.asciz "sys_getsid"
	.asciz "sys_setsid"
	.asciz "sys_gettid"
	.asciz "sys_set_tid_address"
	.asciz "sys_uname"
	.asciz "limit_of"
	.asciz "sys_ugetrlimit"
	.asciz "sys_prlimit64"
	.asciz "sys_getrandom"
	.asciz "sys_prctl"
	.asciz "sys_umask"
	.asciz "sys_getgroups"
	.asciz "sys_getres"
	.asciz "sys_set_id"
	.asciz "sys_gettimeofday"
	.asciz "sys_clock_gettime64"
	.asciz "sys_times"
	.asciz "sys_getrusage"
	.asciz "sys_sched_getaffinity"
	.asciz "sys_sysinfo"
	.asciz "sys_madvise"
	.asciz "sys_set_tls"
	.asciz "sys_get_tls"
	.asciz "sys_cacheflush"
	.asciz "count_missing"
	.asciz "syscall_missing"
	.asciz "syscall_from_user"
	.asciz "copy_strings.part.0"
	.asciz "rw_count"
	.asciz "self"
	.asciz "file_of"
	.asciz "path_in"
	.asciz "dir_of"
	.asciz "sys_read"
	.asciz "sys_write"
	.asciz "vector"
	.asciz "sys_readv"
	.asciz "sys_writev"
	.asciz "open_at"
	.asciz "sys_open"
	.asciz "sys_openat"
	.asciz "sys_close"
	.asciz "seek"
	.asciz "sys_lseek"
	.asciz "sys_llseek"
	.asciz "sys_pread64"
	.asciz "put_stat64"
	.asciz "sys_fstat64"
	.asciz "stat_path"
	.asciz "sys_stat64"
	.asciz "sys_lstat64"
	.asciz "sys_fstatat64"
	.asciz "sys_statx"
	.asciz "sys_getdents64"
	.asciz "readlink_at"
	.asciz "sys_readlink"
	.asciz "sys_readlinkat"
	.asciz "access_at"
	.asciz "sys_access"
	.asciz "sys_faccessat"
	.asciz "sys_getcwd"
	.asciz "sys_chdir"
	.asciz "sys_fchdir"
	.asciz "sys_dup"
	.asciz "dup_to"
	.asciz "sys_dup2"
	.asciz "sys_dup3"
	.asciz "sys_fcntl64"
	.asciz "make_pipe"
	.asciz "sys_pipe"
	.asciz "sys_pipe2"
	.asciz "sys_ioctl"
	.asciz "sys_poll"
	.asciz "sys_read_only_fs"
	.asciz "file_poll_wake"
	.asciz "file_poll_queue"
	.asciz "file_new"
	.asciz "file_get"
	.asciz "file_put"
	.asciz "file_count"
	.asciz "fd_install"
	.asciz "fd_file"
	.asciz "fd_close"
	.asciz "fd_table_copy"
	.asciz "fd_table_exec"
	.asciz "fd_table_close_all"
	.asciz "file_write_out"
	.asciz "file_stat_device"
	.asciz "null_read"
	.asciz "take_write"
	.asciz "null_stat"
	.asciz "zero_read"
	.asciz "zero_stat"
	.asciz "errno_of"
	.asciz "vfs_root"
	.asciz "lookup"
	.asciz "is_dev_dir"
	.asciz "dev_dir_stat"
	.asciz "device_of"
	.asciz "node_stat"
	.asciz "regular_read"
	.asciz "read_only"
	.asciz "directory_read"
	.asciz "ramfs_file_stat"
	.asciz "dirent"
	.asciz "put_record"
	.asciz "type_of"
	.asciz "directory_getdents"
	.asciz "dev_dir_getdents"
	.asciz "dev_dir_read"
	.asciz "is_proc"
	.asciz "proc_parse"
	.asciz "state_letter"
	.asciz "proc_text"
	.asciz "proc_read"
	.asciz "proc_release"
	.asciz "proc_file_stat"
	.asciz "proc_dir_getdents"
	.asciz "proc_dir_stat"
	.asciz "proc_open"
	.asciz "proc_stat"
	.asciz "proc_readlink"
	.asciz "vfs_open"
	.asciz "vfs_stat"
	.asciz "vfs_readlink"
	.asciz "vfs_chdir"
	.asciz "vfs_getcwd"
	.asciz "vfs_resolve_program"
	.asciz "pipe_count"
	.asciz "min_u32"
	.asciz "wait_on"
	.asciz "pipe_read"
	.asciz "pipe_write"
	.asciz "pipe_stat"
	.asciz "read_end_poll"
	.asciz "write_end_poll"
	.asciz "pipe_gone_if_unused"
	.asciz "read_end_release"
	.asciz "write_end_release"
	.asciz "wrong_end"
	.asciz "pipe_create"
	.asciz "signal_thread"
	.asciz "tty_reset"
	.asciz "flush_input"
	.asciz "lflag"
	.asciz "put_ring"
	.asciz "echo_text"
	.asciz "echo_byte"
	.asciz "echo_width"
	.asciz "erase_one"
	.asciz "is_space"
	.asciz "commit_line"
	.asciz "send_signal"
	.asciz "input"
	.asciz "tty_input_byte"
	.asciz "receive_locked"
	.asciz "tty_receive"
	.asciz "tty_set_active"
	.asciz "tty_active"
	.asciz "tty_set_foreground"
	.asciz "tty_foreground"
	.asciz "tty_set_session"
	.asciz "tty_session"
	.asciz "first_wait"
	.asciz "tty_first_wait"
	.asciz "tty_waited"
	.asciz "ready"
	.asciz "tty_readable"
	.asciz "take"
	.asciz "tty_read"
	.asciz "to_console"
	.asciz "tty_write"
	.asciz "tty_ioctl"
	.asciz "tty_poll"
	.asciz "tty_stat"
	.asciz "tty_open"
	.asciz "signal_handled"
	.asciz "signal_init"
	.asciz "signal_exec"
	.asciz "valid"
	.asciz "wants_stop_notice"
	.asciz "send"
	.asciz "signal_send"
	.asciz "signal_send_kernel"
	.asciz "signal_send_info"
	.asciz "signal_send_current"
	.asciz "signal_send_group"
	.asciz "deliverable"
	.asciz "signal_pending_current"
	.asciz "signal_wait"
	.asciz "signal_wait_locked"
	.asciz "stop"
	.asciz "restartable"
	.asciz "restart"
	.asciz "lowest"
	.asciz "fill_ucontext"
	.asciz "push_frame"
	.asciz "signal_deliver"
	.asciz "signal_sys_rt_sigaction"
	.asciz "signal_sys_rt_sigprocmask"
	.asciz "signal_sys_rt_sigpending"
	.asciz "signal_sys_rt_sigsuspend"
	.asciz "restore"
	.asciz "signal_sys_rt_sigreturn"
	.asciz "signal_sys_sigreturn"
	.asciz "send.part.0"
	.asciz "lockdep_check"
	.asciz "this_core"
	.asciz "ipi_interrupt"
	.asciz "read_sp"
	.asciz "secondary_main"
	.asciz "send"
	.asciz "smp_send_resched"
	.asciz "smp_send_timer"
	.asciz "smp_call"
	.asciz "smp_ipis"
	.asciz "smp_boot"
	.asciz "smp_online"
	.asciz "smp_report"
	.asciz "smp_stop_others"
	.asciz "copy_from_user"
	.asciz "copy_to_user"
	.asciz "copy_string_from_user"
	.asciz "uaccess_fixup"
	.asciz "uaccess_copy_from"
	.asciz "uaccess_copy_to"
	.asciz "uaccess_fault"
	.asciz "mailbox_init"
	.asciz "clean_buffer"
	.asciz "invalidate_buffer"
	.asciz "wait_status_clear"
	.asciz "drain_answers"
	.asciz "mailbox_call"
	.asciz "mailbox_property"
	.asciz "mailbox_get_clock_rate"
	.asciz "mailbox_get_board_revision"
	.asciz "get_memory"
	.asciz "mailbox_get_arm_memory"
	.asciz "mailbox_get_vc_memory"
	.asciz "gpio_init"
	.asciz "settle"
	.asciz "gpio_set_function"
	.asciz "gpio_set_pull"
	.asciz "uart_lock"
	.asciz "uart_unlock"
	.asciz "flag_clears_within"
	.asciz "wait_not_busy"
	.asciz "pl011_dropped_bytes"
	.asciz "pl011_divisor"
	.asciz "pl011_init"
	.asciz "pl011_rebase"
	.asciz "put_byte"
	.asciz "tx_kick"
	.asciz "tx_drain_polled"
	.asciz "tx_queue"
	.asciz "write_buffered"
	.asciz "pl011_echo"
	.asciz "pl011_write"
	.asciz "rx_drain"
	.asciz "pl011_interrupt"
	.asciz "pl011_start_interrupts"
	.asciz "pl011_flush"
	.asciz "pl011_tx_pending"
	.asciz "pl011_read_byte"
	.asciz "pl011_get_stats"
	.asciz "pl011_write.part.0"
	.asciz "systimer_init"
	.asciz "systimer_now_us"
	.asciz "systimer_delay_us"
	.asciz "local_init"
	.asciz "local_mailbox_read"
	.asciz "local_mailbox_set"
	.asciz "local_mailbox_set_address"
	.asciz "local_mailbox_clear"
	.asciz "local_mailbox_interrupts"
	.asciz "local_mailbox_interrupts_read"
	.asciz "local_irq_source"
	.asciz "update_route"
	.asciz "local_timer_irq"
	.asciz "local_mailbox_irq"
	.asciz "local_pmu_irq"
	.asciz "local_gpu_route"
	.asciz "local_fiq_sources_off"
	.asciz "intc_init"
	.asciz "intc_pending"
	.asciz "intc_gpu_enable"
	.asciz "intc_basic_enable"
	.asciz "intc_fiq_off"
	.asciz "rng_init"
	.asciz "rng_rebase"
	.asciz "rng_read"
	.asciz "watchdog_init"
	.asciz "watchdog_reset"
	.asciz "board_map_devices"
	.asciz "device_registers"
	.asciz "board_device"
	.asciz "linear_map_end"
	.asciz "linear_map_extend"
	.asciz "state_of"
	.asciz "in_wilderness"
	.asciz "frame_address"
	.asciz "frame_of"
	.asciz "list_push"
	.asciz "list_unlink"
	.asciz "pmm_metadata_bytes"
	.asciz "merge_reserved"
	.asciz "pmm_init"
	.asciz "pool_take"
	.asciz "cache_give_back"
	.asciz "pmm_alloc_refill"
	.asciz "pmm_free_spill"
	.asciz "pmm_cache_drain"
	.asciz "alloc_frames_locked"
	.asciz "pmm_alloc_frames"
	.asciz "check_allocated"
	.asciz "pmm_frame_set_table"
	.asciz "pmm_free_frame_checked"
	.asciz "pmm_frame_share_checked"
	.asciz "pmm_frame_refs"
	.asciz "pmm_frame_is_allocated"
	.asciz "find_state"
	.asciz "find_not_free"
	.asciz "find_free"
	.asciz "dissolve_wilderness"
	.asciz "list_remove_run"
	.asciz "run_at_list_head"
	.asciz "alloc_contiguous_locked"
	.asciz "pmm_alloc_contiguous"
	.asciz "free_contiguous_locked"
	.asciz "pmm_free_contiguous"
	.asciz "zero_bytes"
	.asciz "cached_count"
	.asciz "table_free_count"
	.asciz "pmm_free_count"
	.asciz "pmm_get_stats"
	.asciz "pmm_check"
	.asciz "mm_ram_end"
	.asciz "mm_init"
	.asciz "mem_kind_name"
	.asciz "descriptor_section"
	.asciz "descriptor_page"
	.asciz "descriptor_page_table"
	.asciz "decode"
	.asciz "descriptor_decode_section"
	.asciz "descriptor_decode_page"
	.asciz "l2_table"
	.asciz "used_count"
	.asciz "in_aspace"
	.asciz "clean_descriptor"
	.asciz "clean_descriptors"
	.asciz "tlb_invalidate_va"
	.asciz "after_invalidate"
	.asciz "kind_and_perm_valid"
	.asciz "perm_fits"
	.asciz "span_first"
	.asciz "span_next"
	.asciz "span_ptes"
	.asciz "mmu_table_frames"
	.asciz "mmu_kernel_init"
	.asciz "get_l2_table"
	.asciz "map_page_new_table"
	.asciz "mmu_map_page"
	.asciz "mmu_map_pages"
	.asciz "flush_and_free"
	.asciz "release_empty_tables"
	.asciz "mmu_unmap_range"
	.asciz "mmu_unmap_pages"
	.asciz "mmu_unmap_page"
	.asciz "mmu_map_section"
	.asciz "mmu_unmap_sections"
	.asciz "mmu_unmap_section"
	.asciz "mmu_query"
	.asciz "l2_through_linear_map"
	.asciz "mmu_table_source"
	.asciz "mmu_user_create"
	.asciz "release_table_pages"
	.asciz "drop_table_pages"
	.asciz "mmu_user_destroy"
	.asciz "mmu_table_bytes"
	.asciz "user_walk"
	.asciz "mmu_user_unmap"
	.asciz "mmu_user_protect"
	.asciz "mmu_user_fork"
	.asciz "user_pte"
	.asciz "tlb_invalidate_user_page"
	.asciz "mmu_user_page"
	.asciz "mmu_user_make_writable"
	.asciz "mmu_user_replace"
	.asciz "is_taken"
	.asciz "take"
	.asciz "context_init"
	.asciz "rollover"
	.asciz "new_tag"
	.asciz "context_switch"
	.asciz "context_switch_kernel"
	.asciz "context_forget"
	.asciz "context_asid"
	.asciz "context_set_asid_limit"
	.asciz "context_asid_limit"
	.asciz "context_rollovers"
	.asciz "window_init"
	.asciz "window_fits"
	.asciz "window_heap_grow"
	.asciz "window_heap_shrink"
	.asciz "window_mmio_grow"
	.asciz "window_mmio_shrink"
	.asciz "window_get_stats"
	.asciz "free_links_ok"
	.asciz "set_bounds"
	.asciz "kheap_init"
	.asciz "set_top_end"
	.asciz "grow"
	.asciz "shrink"
	.asciz "first_unpoisoned"
	.asciz "poison_whole"
	.asciz "poison_intact"
	.asciz "quick_recount"
	.asciz "quick_contains"
	.asciz "quick_drain"
	.asciz "kheap_set_debug"
	.asciz "take_after_growth"
	.asciz "kheap_usable_size"
	.asciz "kheap_quick_ready"
	.asciz "alloc_slow"
	.asciz "kheap_alloc_aligned"
	.asciz "validate"
	.asciz "free_checked"
	.asciz "kheap_alloc"
	.asciz "kheap_free"
	.asciz "kmalloc"
	.asciz "kfree"
	.asciz "kheap_calloc"
	.asciz "kheap_realloc"
	.asciz "kheap_get_stats"
	.asciz "kheap_check"
	.asciz "release_pages"
	.asciz "map_fresh_frames"
	.asciz "grow_locked"
	.asciz "kernel_heap_grow"
	.asciz "kernel_heap_shrink"
	.asciz "kernel_heap_report"
	.asciz "kheap_kernel_init"
	.asciz "kmalloc_aligned"
	.asciz "kcalloc"
	.asciz "krealloc"
	.asciz "kheap_kernel_stats"
	.asciz "kheap_kernel_check"
	.asciz "hand_out"
	.asciz "other_kind_overlaps"
	.asciz "kind_is_for_devices"
	.asciz "handles_free"
	.asciz "free_slot"
	.asciz "map_locked"
	.asciz "raise_floor"
	.asciz "unmap_locked"
	.asciz "mmio_map"
	.asciz "mmio_unmap"
	.asciz "mmio_list"
	.asciz "ptdump_judge_raw"
	.asciz "ptdump_entry_clear"
	.asciz "ptdump_take_decoded"
	.asciz "ptdump_classify_l1"
	.asciz "ptdump_classify_l2"
	.asciz "ptdump_classify_missing_table"
	.asciz "ptdump_l2_table"
	.asciz "ptdump_for_each_entry"
	.asciz "ptdump_format_perm"
	.asciz "ptdump_format_size"
	.asciz "ptdump_trim"
	.asciz "ptdump_same_entry"
	.asciz "ptdump_region_at"
	.asciz "ptdump_next_boundary"
	.asciz "ptdump_print_range"
	.asciz "ptdump_dump_visit"
	.asciz "ptdump_dump"
	.asciz "ptdump_describe"
	.asciz "ptdump_walk"
	.asciz "ptdump_wx_visit"
	.asciz "ptdump_check_wx"
	.asciz "kernel_map_source"
	.asciz "add_region"
	.asciz "kernel_map_regions"
	.asciz "print_line"
	.asciz "kernel_map_dump"
	.asciz "print_line_in_range"
	.asciz "kernel_map_dump_range"
	.asciz "kernel_map_check_wx"
	.asciz "kernel_map_walk"
	.asciz "kernel_map_lock"
	.asciz "kernel_map_unlock"
	.asciz "vm_map_init"
	.asciz "vm_map_free"
	.asciz "aligned"
	.asciz "range_valid"
	.asciz "reserve"
	.asciz "vm_map_copy"
	.asciz "first_ending_above"
	.asciz "vm_find"
	.asciz "alike"
	.asciz "merge_into_left"
	.asciz "erase"
	.asciz "merge_around"
	.asciz "split_at"
	.asciz "vm_insert"
	.asciz "whole_entries"
	.asciz "vm_remove"
	.asciz "vm_protect"
	.asciz "vm_find_free"
	.asciz "page_fault_get_stats"
	.asciz "page_sync_icache"
	.asciz "describe_region"
	.asciz "allows"
	.asciz "map_page"
	.asciz "copy_on_write"
	.asciz "report_kill"
	.asciz "fatal_fault"
	.asciz "demand_fault"
	.asciz "page_fault"
	.asciz "handle"
	.asciz "page_fault_init"
	.asciz "translate_read"
	.asciz "ktest_boot_higher_half"
	.asciz "ktest_boot_l1_table"
	.asciz "ktest_boot_mmu_and_caches_on"
	.asciz "ktest_boot_tex_remap"
	.asciz "ktest_boot_timers_stopped"
	.asciz "ktest_boot_async_aborts_unmasked"
	.asciz "expect_translation_fault"
	.asciz "ktest_boot_low_memory_unmapped"
	.asciz "ktest_boot_vectors"
	.asciz "ktest_boot_bss_zero"
	.asciz "ktest_boot_registers_recorded"
	.asciz "ktest_boot_cores_parked"
	.asciz "test_undefined_site"
	.asciz "ktest_exceptions_undefined_recovered"
	.asciz "ktest_exceptions_data_abort_on_write"
	.asciz "ktest_exceptions_prefetch_abort"
	.asciz "ktest_exceptions_catcher_kinds"
	.asciz "ktest_exceptions_async_abort_reported"
	.asciz "test_fiq_with_registers"
	.asciz "ktest_exceptions_fiq_frame_and_survival"
	.asciz "map_on_fault"
	.asciz "ktest_exceptions_memory_faults_dispatched"
	.asciz "caller_name"
	.asciz "branch_target"
	.asciz "ktest_ksyms_lookup_known_functions"
	.asciz "ktest_ksyms_lookup_outside_text"
	.asciz "ktest_ksyms_table_sorted_and_complete"
	.asciz "backtrace_chain_c"
	.asciz "backtrace_chain_b"
	.asciz "backtrace_chain_a"
	.asciz "ktest_backtrace_known_chain"
	.asciz "ktest_backtrace_depth_limit"
	.asciz "ktest_backtrace_kernel_stacks"
	.asciz "backtrace_test_no_record"
	.asciz "backtrace_test_leaf"
	.asciz "backtrace_test_record"
	.asciz "backtrace_test_caller"
	.asciz "fake_stack_init"
	.asciz "fake_start"
	.asciz "guarded_collect"
	.asciz "ktest_backtrace_first_frame_shapes"
	.asciz "ktest_backtrace_corrupt_frames_stop_cleanly"
	.asciz "ktest_backtrace_frame_lines"
	.asciz "ktest_platform_ram_reported"
	.asciz "ktest_platform_mailbox_answers_again"
	.asciz "ktest_platform_atags_agree"
	.asciz "ktest_platform_bootargs_match_r2"
	.asciz "mailbox_handler"
	.asciz "other_handler"
	.asciz "ktest_irq_mailbox_reaches_handler_once"
	.asciz "ktest_irq_refusals_change_nothing"
	.asciz "irq_test_registers"
	.asciz "ktest_irq_interrupted_registers_kept"
	.asciz "ktest_irq_uart_transmits_by_interrupt"
	.asciz "ktest_timer_clock_monotonic"
	.asciz "sleep_us"
	.asciz "ktest_timer_sleep_50ms_by_system_timer"
	.asciz "ktest_timer_sleep_with_irqs_masked_polls"
	.asciz "ktest_timer_tick_rate"
	.asciz "ktest_timer_delay_us"
	.asciz "capture"
	.asciz "run"
	.asciz "lines_of"
	.asciz "ktest_console_errors_are_one_line"
	.asciz "ktest_console_x_unmapped_says_so"
	.asciz "ktest_console_x_shows_memory"
	.asciz "number_after"
	.asciz "ktest_console_mem_reports_the_pmm"
	.asciz "ktest_console_heap_reports_the_heap"
	.asciz "ktest_console_commands_answer"
	.asciz "ktest_console_test_runs_by_name"
	.asciz "ktest_console_ring_wraps_and_counts_overflow"
	.asciz "capture_sink"
	.asciz "process_output"
	.asciz "run"
	.asciz "memory_now"
	.asciz "ktest_process_hello_runs_and_leaves_nothing"
	.asciz "tap_all_ok"
	.asciz "ktest_process_user_selftest_tap"
	.asciz "ktest_process_faults_kill_only_the_process"
	.asciz "ktest_process_cycle_counter_not_readable_at_pl0"
	.asciz "ktest_process_refusals_leave_nothing"
	.asciz "ktest_process_many_started_and_ended"
	.asciz "ktest_process_isolation_across_asid_rollovers"
	.asciz "exhaust_pmm"
	.asciz "give_back"
	.asciz "ktest_process_out_of_memory_kills_the_process"
	.asciz "ktest_process_user_copies_refuse_bad_pointers"
	.asciz "ktest_process_tables_read_back"
	.asciz "ktest_process_fork_exec_wait_mmap_tap"
	.asciz "fork_of"
	.asciz "write_as"
	.asciz "gone"
	.asciz "ktest_process_fork_shares_pages_read_only"
	.asciz "ktest_process_orphans_go_to_init"
	.asciz "ktest_process_files_pipes_signals_fpu_tap"
	.asciz "ktest_process_busybox_runs"
	.asciz "ktest_process_sh_runs_programs_with_arguments"
	.asciz "ktest_process_fork_bomb_stops_at_the_limit"
	.asciz "ktest_process_rng_feeds_at_random"
	.asciz "ktest_spinlock_tickets"
	.asciz "ktest_spinlock_trylock"
	.asciz "ktest_spinlock_irqsave_masks_and_restores"
	.asciz "ktest_spinlock_tickets_wrap"
	.asciz "ktest_smp_parked_cores_online"
	.asciz "ktest_smp_each_core_as_core_0"
	.asciz "record_where"
	.asciz "ktest_smp_call_runs_on_each_core"
	.asciz "team_init"
	.asciz "member_main"
	.asciz "start"
	.asciz "wait_for"
	.asciz "run_on"
	.asciz "cores_online"
	.asciz "nothing"
	.asciz "ktest_sched_pinned_threads_run_where_asked"
	.asciz "spin_until_all_started"
	.asciz "ktest_sched_free_threads_spread_over_idle_cores"
	.asciz "wait_for_go"
	.asciz "ktest_sched_wake_crosses_cores"
	.asciz "sleep_20ms"
	.asciz "ktest_sched_sleep_on_another_core"
	.asciz "pattern"
	.asciz "pmm_hammer"
	.asciz "heap_hammer"
	.asciz "hammer"
	.asciz "ktest_smp_mm_pmm_hammered_from_every_core"
	.asciz "ktest_smp_mm_heap_hammered_from_every_core"
	.asciz "map_first"
	.asciz "remap_second"
	.asciz "unmap"
	.asciz "read_it"
	.asciz "ktest_smp_mm_table_changes_seen_by_other_cores"
	.asciz "pmm_free_frame.constprop.0"
	.asciz "ktest_linear_map_ends_at_ram_end"
	.asciz "tag_word"
	.asciz "tag_of"
	.asciz "stats_equal"
	.asciz "frame_is_reserved"
	.asciz "allocate_all"
	.asciz "free_round"
	.asciz "gcd"
	.asciz "ktest_pmm_covers_ram"
	.asciz "ktest_pmm_every_frame_once"
	.asciz "ktest_pmm_refusals_change_nothing"
	.asciz "ktest_pmm_loader_ranges_kept"
	.asciz "ktest_pmm_contiguous_runs"
	.asciz "ktest_pmm_fragmentation_reported"
	.asciz "read_word"
	.asciz "read_faults"
	.asciz "write_faults"
	.asciz "call_faults"
	.asciz "translation_fault"
	.asciz "ktest_mmu_alias_and_unmap"
	.asciz "ktest_mmu_remap_sees_new_frame"
	.asciz "ktest_mmu_section"
	.asciz "ktest_mmu_kinds_and_query"
	.asciz "ktest_mmu_read_only_faults_on_write"
	.asciz "ktest_mmu_execute_never_faults"
	.asciz "ktest_mmu_refusals_change_nothing"
	.asciz "ktest_mmu_tables_shared_and_returned"
	.asciz "ktest_mmu_batched_unmap"
	.asciz "ktest_mmu_map_pages_batch"
	.asciz "ktest_mmu_no_frame_for_a_table"
	.asciz "pmm_free_frame.constprop.0"
	.asciz "perm_of"
	.asciz "ktest_protect_image_pages"
	.asciz "expect_write_refused"
	.asciz "ktest_protect_text_and_rodata_not_writable"
	.asciz "expect_no_execute"
	.asciz "plant_return"
	.asciz "ktest_protect_heap_not_executable"
	.asciz "ktest_protect_rodata_not_executable"
	.asciz "ktest_protect_stack_not_executable"
	.asciz "ktest_protect_mmio_not_executable"
	.asciz "recurse"
	.asciz "recurse_from_zero"
	.asciz "call_on_stack"
	.asciz "ktest_protect_stack_overflow_caught_and_named"
	.asciz "ktest_protect_wx_check_clean"
	.asciz "page_descriptor"
	.asciz "set_descriptor"
	.asciz "ktest_protect_wx_check_finds_planted"
	.asciz "capture_line"
	.asciz "dump_has"
	.asciz "dump_line_starting"
	.asciz "ktest_protect_dump_names_every_region"
	.asciz "ktest_protect_kernel_tables_owned"
	.asciz "reads_fault"
	.asciz "heap_consistent"
	.asciz "ktest_window_layout_after_boot"
	.asciz "ktest_kheap_first_block_at_base"
	.asciz "ktest_kheap_pages_mapped_normal_rw_nx"
	.asciz "ktest_kheap_random_sequence"
	.asciz "ktest_kheap_bad_frees_refused"
	.asciz "ktest_kheap_debug_mode_canary"
	.asciz "ktest_kheap_quick_bins_without_debug"
	.asciz "squeeze_window"
	.asciz "ktest_window_heap_meets_mmio"
	.asciz "ktest_window_mmio_meets_heap"
	.asciz "ktest_mmio_kinds_refusals_sharing"
	.asciz "ktest_mmio_unmap_by_handle_one_type"
	.asciz "__aeabi_ldivmod"
	.asciz "__aeabi_uldivmod"
	.asciz "__ctzdi2"
	.asciz "__popcountsi2"
	.asciz "__udivmoddi4"
	.asciz "__aeabi_idiv0"
	.asciz "__errno"
	.asciz "memchr"
	.asciz "memcmp"
	.asciz "memcpy"
	.asciz "memmove"
	.asciz "memset"
	.asciz "_sniprintf_r"
	.asciz "sniprintf"
	.asciz "strchr"
	.asciz "strcmp"
	.asciz "strcpy"
	.asciz "strcspn"
	.asciz "strlen"
	.asciz "strncmp"
	.asciz "strncpy"
	.asciz "strrchr"
	.asciz "strspn"
	.asciz "two_way_long_needle"
	.asciz "strstr"
	.asciz "_strtol_l.part.0"
	.asciz "_strtol_r"
	.asciz "strtol_l"
	.asciz "strtol"
	.asciz "_strtoul_l.constprop.0"
	.asciz "_strtoul_r"
	.asciz "strtoul_l"
	.asciz "strtoul"
	.asciz "vsniprintf"
	.asciz "_vsniprintf_r"
	.asciz "__ssputs_r"
	.asciz "__ssprint_r"
	.asciz "_svfiprintf_r"
	.asciz "_printf_common"
	.asciz "_printf_i"
	.asciz "strnlen"
	.asciz "_free_r"
	.asciz "_malloc_r"
	.asciz "_realloc_r"
	.asciz "_sbrk_r"
	.asciz "__malloc_lock"
	.asciz "__malloc_unlock"
	.asciz "_malloc_usable_size_r"
	.asciz "cleanup_glue"
	.asciz "_reclaim_reent"
	.asciz "__udivsi3"
	.asciz "__aeabi_uidivmod"
	.asciz "__memset_from_arm"
	.asciz "__strncpy_from_arm"
	.asciz "__snprintf_from_arm"
