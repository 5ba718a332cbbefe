using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Catalog;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Catalog
{
    public class InstanceTypeCatalogTests
    {
        /// <summary>
        /// Instance families SageMaker accepts: the families of every value of the TrainingInstanceType and
        /// ProductionVariantInstanceType enums in botocore's sagemaker/2017-07-24/service-2.json (botocore shipped with
        /// aws-cli 2.x, read December 2026).
        /// </summary>
        private static readonly HashSet<string> SageMakerFamilies = new HashSet<string>(StringComparer.Ordinal)
        {
            "c4", "c5", "c5d", "c5n", "c6g", "c6gd", "c6gn", "c6i", "c6in", "c7g", "c7i", "c8g", "dl1", "g4dn", "g5", "g6", "g6e",
            "g7e", "inf1", "inf2", "m4", "m5", "m5d", "m6g", "m6gd", "m6i", "m7i", "m8g", "p2", "p3", "p3dn", "p4d", "p4de", "p5",
            "p5e", "p5en", "p6-b200", "p6-b300", "p6e-gb200", "r5", "r5d", "r6g", "r6gd", "r6i", "r7gd", "r7i", "r8g", "t2", "t3",
            "trn1", "trn1n", "trn2",
        };

        [Fact]
        public void EveryRowsFamilyIsASageMakerFamily()
        {
            Assert.NotEmpty(InstanceTypeCatalog.All);
            Assert.All(InstanceTypeCatalog.All, row =>
            {
                Assert.StartsWith("ml.", row.Name);
                Assert.Equal(3, row.Name.Split('.').Length);
                Assert.Contains(row.Family, SageMakerFamilies);
            });
        }

        [Fact]
        public void RowsAreUniqueAndConsistent()
        {
            Assert.Equal(InstanceTypeCatalog.All.Count, InstanceTypeCatalog.All.Select(r => r.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(InstanceTypeCatalog.All, row =>
            {
                Assert.True(row.VCpus >= 2, row.Name);
                Assert.Equal(row.Gpus > 0, row.GpuMemoryGiB > 0);
                // GPU instances are the p and g families; nothing else claims a GPU.
                Assert.Equal(row.Family.StartsWith("p", StringComparison.Ordinal) || row.Family.StartsWith("g", StringComparison.Ordinal), row.Gpus > 0);
            });
        }

        [Theory]
        // EC2 instance-type pages: p3.8xlarge 32 vCPUs, 4 V100 16 GiB; g5.12xlarge 48 vCPUs, 4 A10G 24 GiB;
        // p4d.24xlarge 96 vCPUs, 8 A100 40 GiB; m5.xlarge 4 vCPUs.
        [InlineData("ml.p3.8xlarge", 32, 4, 16)]
        [InlineData("ml.g5.12xlarge", 48, 4, 24)]
        [InlineData("ML.P4D.24XLARGE", 96, 8, 40)]
        [InlineData(" ml.m5.xlarge ", 4, 0, 0)]
        public void FindsKnownTypes(string name, int vcpus, int gpus, int memory)
        {
            var info = InstanceTypeCatalog.Find(name);
            Assert.NotNull(info);
            Assert.Equal((vcpus, gpus, memory), (info!.VCpus, info.Gpus, info.GpuMemoryGiB));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("ml.z9.huge")]
        [InlineData("p3.8xlarge")]
        public void UnknownTypesAreNull(string? name) => Assert.Null(InstanceTypeCatalog.Find(name));
    }
}
